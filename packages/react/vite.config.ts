import { defineConfig } from 'vite';

const external = [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\/react-query/, /^@dots-flow\/core/];

export default defineConfig({
  publicDir: false,
  build: {
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: 'index' },
    sourcemap: true,
    minify: false,
    target: 'es2022',
    rollupOptions: {
      external,
      // Bundling drops module-level directives; the entry must stay a client module for RSC frameworks.
      output: { banner: "'use client';" },
    },
  },
});
