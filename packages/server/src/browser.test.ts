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

describe('the browser export condition', () => {
  it('throws a server-only error on import', async () => {
    await expect(import('./browser.js')).rejects.toThrow(
      /^@dots-flow\/server is server-only: .*move this import to your backend/,
    );
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
    expect(browser.output).not.toContain('does not provide an export');
    const server = await importPackage([]);
    expect(server).toEqual({ ok: true, output: expect.stringContaining('createFlowHandler') });
  });
});
