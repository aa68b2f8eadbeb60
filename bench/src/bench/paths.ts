import { fileURLToPath } from 'node:url';

/** bench/, whether this runs from src/bench (tests) or dist/bench (the compiled runner). */
export const BENCH_DIR = fileURLToPath(new URL('../../', import.meta.url));
/** The repository root, where BENCHMARKS.md goes. */
export const REPO_DIR = fileURLToPath(new URL('../../../', import.meta.url));
