// The browser package must never carry server code or credential handling: the API key lives only in
// @dots-flow/server. Checked on the packed files and on the browser bundle users actually ship.
// Assumes `pnpm build` has run (the root `check` script builds first).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureBundle } from './bundleCost.js';
import { packWorkspace, type PackedWorkspace } from './packWorkspace.js';

/** What server code or credential handling looks like in built JavaScript or typings. */
const FORBIDDEN: readonly { what: string; pattern: RegExp }[] = [
  { what: 'the server package', pattern: /@dots-flow\/server/ },
  {
    what: 'an Authorization header',
    pattern: /\bAuthorization\b|["'`]?authorization["'`]?\s*:|\.(set|append)\(\s*["'`]authorization/,
  },
  { what: 'HTTP Basic credentials', pattern: /Basic / },
  { what: 'an API key', pattern: /api[_-]?key/i },
  { what: 'base64 encoding of credentials', pattern: /\bbtoa\(|Buffer\.from\(/ },
];

/** `file: what (…excerpt…)` for each forbidden pattern found in `text`. */
function findForbidden(file: string, text: string): string[] {
  return FORBIDDEN.flatMap(({ what, pattern }) => {
    const match = pattern.exec(text);
    if (!match) return [];
    const excerpt = text.slice(Math.max(0, match.index - 40), match.index + 60).replace(/\s+/g, ' ');
    return [`${file}: ${what} (…${excerpt}…)`];
  });
}

let workspace: PackedWorkspace;
beforeAll(() => {
  workspace = packWorkspace();
}, 60_000);
afterAll(() => workspace?.dispose());

describe('@dots-flow/react carries no server code and no credential handling', () => {
  it('declares no dependency on @dots-flow/server', () => {
    const { manifest } = workspace.packages.react;
    const declared = ['dependencies', 'peerDependencies', 'optionalDependencies'].flatMap((field) =>
      Object.keys((manifest[field] as Record<string, string> | undefined) ?? {}),
    );
    expect(declared).not.toContain('@dots-flow/server');
  });

  it('has none in its packed JavaScript and typings', () => {
    const dist = join(workspace.packages.react.installDir, 'dist');
    const files = readdirSync(dist).filter((file) => /\.(js|d\.ts)$/.test(file));
    expect(files.length).toBeGreaterThan(0);
    expect(files.flatMap((file) => findForbidden(file, readFileSync(join(dist, file), 'utf8')))).toEqual([]);
  });

  it('has none in the browser bundle of DotsProvider + DotsFlow (core included)', async () => {
    const { code } = await measureBundle("export { DotsProvider, DotsFlow } from '@dots-flow/react';");
    expect(findForbidden('bundle', code)).toEqual([]);
  });

  it('would be caught (control: the server build trips the same check)', () => {
    const dist = join(workspace.packages.server.installDir, 'dist');
    const text = readdirSync(dist)
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(join(dist, file), 'utf8'))
      .join('\n');
    expect(findForbidden('server', text).length).toBeGreaterThanOrEqual(3);
  });
});
