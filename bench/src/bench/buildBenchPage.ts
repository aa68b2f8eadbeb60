import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { BENCH_DIR } from './paths.js';

/**
 * Builds the bench page (src/page) into `outDir` with Vite, served from `base`. `development` keeps React's
 * development build, which StrictMode needs to double-invoke effects; `production` is what users ship.
 */
export async function buildBenchPage(outDir: string, mode: 'production' | 'development', base: string): Promise<void> {
  await build({
    configFile: false,
    root: join(BENCH_DIR, 'src', 'page'),
    base,
    mode,
    logLevel: 'warn',
    plugins: [react()],
    define: { 'process.env.NODE_ENV': JSON.stringify(mode) },
    build: { outDir, emptyOutDir: true, minify: mode === 'production', sourcemap: false, target: 'es2022' },
  });
}
