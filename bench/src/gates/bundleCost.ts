// One bundler and one set of settings for every size figure: the budget gate and the peer comparison.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { rolldown } from 'rolldown';

/** Resolved from this package, so every SDK is bundled from the versions pinned in bench/package.json. */
const BENCH_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ENTRY_ID = '\0bundle-cost-entry';

/** What an app bundler leaves out when the app already has React (and, for dots-flow, TanStack Query). */
export const PEER_EXTERNALS: readonly RegExp[] = [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\/react-query($|\/)/];

export interface ModuleCost {
  id: string;
  /** Bytes this module contributes to the bundle before minification. */
  renderedBytes: number;
}

export interface BundleCost {
  minBytes: number;
  gzipBytes: number;
  /** Modules in the bundle, largest first. */
  modules: ModuleCost[];
  code: string;
}

/**
 * Bundles `entrySource` (an ES module importing from installed packages) for the browser the way an app
 * bundler would for production: tree-shaken, `process.env.NODE_ENV` = "production", minified; then gzips it
 * at level 9. The peers in `external` are left out of the cost.
 *
 * @example
 * await measureBundle("export { DotsFlow } from '@dots-flow/react'")
 */
export async function measureBundle(
  entrySource: string,
  external: readonly RegExp[] = PEER_EXTERNALS,
): Promise<BundleCost> {
  const build = await rolldown({
    input: ENTRY_ID,
    cwd: BENCH_DIR,
    platform: 'browser',
    external: [...external],
    transform: { define: { 'process.env.NODE_ENV': '"production"' } },
    logLevel: 'silent',
    plugins: [
      {
        name: 'bundle-cost-entry',
        resolveId(source, importer) {
          if (source === ENTRY_ID) return ENTRY_ID;
          // Bare imports of the virtual entry resolve as if it lived in bench/.
          if (importer === ENTRY_ID) return this.resolve(source, join(BENCH_DIR, 'entry.js'), { skipSelf: true });
          return null;
        },
        load(id) {
          return id === ENTRY_ID ? entrySource : null;
        },
      },
    ],
  });
  try {
    const { output } = await build.generate({ format: 'es', minify: true, codeSplitting: false });
    const chunks = output.filter((item) => item.type === 'chunk');
    const code = chunks.map((chunk) => chunk.code).join('\n');
    const modules = chunks
      .flatMap((chunk) => Object.entries(chunk.modules))
      .map(([id, info]) => ({ id: shortId(id), renderedBytes: info.renderedLength }))
      .filter((m) => m.renderedBytes > 0)
      .sort((a, b) => b.renderedBytes - a.renderedBytes);
    const bytes = Buffer.from(code);
    return { minBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length, modules, code };
  } finally {
    await build.close();
  }
}

/** `…/node_modules/.pnpm/x@1/node_modules/x/dist/a.js` → `x/dist/a.js`; workspace files relative to the repo. */
function shortId(id: string): string {
  const inModules = id.lastIndexOf('/node_modules/');
  if (inModules >= 0) return id.slice(inModules + '/node_modules/'.length);
  const repo = join(BENCH_DIR, '..') + '/';
  return id.startsWith(repo) ? id.slice(repo.length) : id;
}

/** `2345` → `"2.35 kB"`. 1 kB = 1000 bytes: the stricter reading of a budget written in kB. */
export function formatKilobytes(bytes: number): string {
  return `${(bytes / 1000).toFixed(2)} kB`;
}
