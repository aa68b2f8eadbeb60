// Which source files a bundle's bytes come from, for a size report that says what to cut.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { rolldown } from 'rolldown';
import { minify } from 'rolldown/utils';
import { PEER_EXTERNALS } from './bundleCost.js';
import { PUBLISHED, REPO_DIR } from './packWorkspace.js';

export interface SourceShare {
  /** Path from the repository root, e.g. `packages/core/src/parseFlow.ts`. */
  file: string;
  /** This file's estimated share of the bundle's min+gzip bytes. */
  gzipBytes: number;
}

/**
 * Bundles `entrySource` from the packages' TypeScript sources (not their builds) and splits `totalGzipBytes`
 * over the source files in proportion to each file's own minified+gzipped size. An estimate: gzip works across
 * file boundaries, but the ranking is what matters.
 */
export async function attributeToSources(entrySource: string, totalGzipBytes: number): Promise<SourceShare[]> {
  const alias = Object.fromEntries(
    PUBLISHED.map((folder) => [`@dots-flow/${folder}`, join(REPO_DIR, 'packages', folder, 'src', 'index.ts')]).filter(
      ([, path]) => existsSync(path!),
    ),
  );
  const entry = '\0attribution-entry';
  const build = await rolldown({
    input: entry,
    platform: 'browser',
    external: [...PEER_EXTERNALS],
    logLevel: 'silent',
    resolve: { alias },
    transform: { define: { 'process.env.NODE_ENV': '"production"' }, jsx: { runtime: 'automatic' } },
    plugins: [
      {
        name: 'attribution-entry',
        resolveId: (source) => (source === entry ? entry : null),
        load: (id) => (id === entry ? entrySource : null),
      },
    ],
  });
  try {
    const { output } = await build.generate({ format: 'es' });
    const estimates: { file: string; bytes: number }[] = [];
    for (const chunk of output) {
      if (chunk.type !== 'chunk') continue;
      for (const [id, info] of Object.entries(chunk.modules)) {
        if (!info.code) continue;
        const { code } = await minify('module.js', info.code, { compress: true, mangle: true });
        estimates.push({
          file: id.startsWith(REPO_DIR) ? id.slice(REPO_DIR.length + 1) : id,
          bytes: gzipSync(code).length,
        });
      }
    }
    const total = estimates.reduce((sum, e) => sum + e.bytes, 0) || 1;
    return estimates
      .map((e) => ({ file: e.file, gzipBytes: Math.round((e.bytes / total) * totalGzipBytes) }))
      .sort((a, b) => b.gzipBytes - a.gzipBytes);
  } finally {
    await build.close();
  }
}
