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
      output: {
        // The only `@__PURE__` marks here are the JSX transform's, on calls inside components, where no tree-shaker
        // needs them; kept, they cost every app that bundles this package bytes (about 40 B min+gzip of
        // DotsProvider + DotsFlow). A top-level call that must be droppable needs its mark back: see sizeBudget.
        comments: { legal: true, annotation: false, jsdoc: true },
      },
      // Every React file starts with 'use client'. Bundled into one file, only the entry's directive is kept
      // (Rolldown keeps an entry module's top-level directives), and that one is what RSC frameworks read, so
      // the per-module "may not be preserved" warnings describe exactly what we want. Only those are dropped.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('"use client"')) return;
        handler(level, log);
      },
    },
  },
});
