import { defineConfig } from 'vite';

const external = [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\/react-query/, /^@dots-flow\/core/];

export default defineConfig({
  publicDir: false,
  build: {
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: 'index' },
    sourcemap: true,
    minify: false,
    target: 'es2022',
    // The entry's own 'use client' directive is kept by the bundler, so RSC frameworks treat it as a client module.
    rollupOptions: { external },
  },
});
