import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);

/** Imports the package by its own name (a self-reference) in a fresh Node, with extra conditions. */
async function importPackage(conditions: string[]): Promise<{ ok: boolean; output: string }> {
  const script = `import * as server from '@dots-flow/server'; console.log(Object.keys(server).sort().join(','));`;
  try {
    const { stdout } = await run(process.execPath, [...conditions, '--input-type=module', '-e', script], {
      cwd: packageDir,
    });
    return { ok: true, output: stdout };
  } catch (error) {
    return { ok: false, output: String((error as { stderr?: string }).stderr) };
  }
}

/** The fix-it text: what a bundler prints when a browser bundle imports the server kit. */
const FIX_IT =
  /^@dots-flow\/server is server-only: .*Import it only in server code \(a route handler, server action or backend file\)/;

describe('the browser export condition', () => {
  const source = readFileSync(new URL('./browser.ts', import.meta.url), 'utf8');

  it('first imports a specifier no resolver can find, whose text is the fix (bundlers fail the build with it)', () => {
    const imports = [...source.matchAll(/^import '([^']+)';$/gm)].map((match) => match[1]!);
    expect(imports).toHaveLength(1);
    expect(imports[0]).toMatch(FIX_IT);
    // Past the scope's slash: resolvers read these as paths, queries, loaders or fragments and mangle the text.
    expect(imports[0]!.slice('@dots-flow/'.length)).not.toMatch(/[/?!#\\]/);
    expect(source.indexOf('import ')).toBeLessThan(source.indexOf('throw '));
  });

  it('throws the same message for any tool told to skip unresolved imports', () => {
    const thrown = /throw new Error\(\s*'([^']+)',?\s*\);/.exec(source)?.[1];
    expect(thrown).toMatch(FIX_IT);
    expect(thrown).toBe(/^import '([^']+)';$/m.exec(source)?.[1]);
  });

  it('declares the same export names as the server entry, so the error above is the one bundlers show', async () => {
    const server = Object.keys(await import('./index.js')).sort();
    const source = readFileSync(new URL('./browser.ts', import.meta.url), 'utf8');
    const stubs = [...source.matchAll(/^export const (\w+) = undefined;$/gm)].map((match) => match[1]).sort();
    expect(stubs).toEqual(server);
  });

  it('is what the package resolves to under the browser condition, and only there (built output)', async () => {
    expect(existsSync(new URL('../dist/index.js', import.meta.url)), 'run: pnpm --filter @dots-flow/server build').toBe(
      true,
    );
    const browser = await importPackage(['--conditions=browser']);
    expect(browser.ok).toBe(false);
    expect(browser.output).toContain('@dots-flow/server is server-only');
    expect(browser.output).toContain('Import it only in server code');
    expect(browser.output).not.toContain('does not provide an export');
    const server = await importPackage([]);
    expect(server).toEqual({ ok: true, output: expect.stringContaining('createFlowHandler') });
  });

  it('resolves to the server entry on edge runtimes that also set `browser` (Next edge, Cloudflare workerd)', async () => {
    for (const edge of ['edge-light', 'workerd']) {
      const run = await importPackage([`--conditions=${edge}`, '--conditions=browser']);
      expect(run, edge).toEqual({ ok: true, output: expect.stringContaining('createFlowHandler') });
    }
  });
});
