// What users install: each package as `pnpm pack` makes it, checked by publint and are-the-types-wrong,
// then imported by plain Node. Assumes `pnpm build` has run (the root `check` script builds first).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPackageFromTarballData, Package } from '@arethetypeswrong/core';
import { publintProblems, toArrayBuffer, typeProblems } from './packageChecks.js';
import {
  packWorkspace,
  PUBLISHED,
  REPO_DIR,
  runNode,
  type PackedWorkspace,
  type PublishedFolder,
} from './packWorkspace.js';

/** Names each package's entry must export (a subset of the public API in DESIGN.md). */
const EXPECTED_EXPORTS: Record<PublishedFolder, readonly string[]> = {
  core: [
    'STEPS',
    'parseFlowMessage',
    'frameOriginsFor',
    'isTrustedOrigin',
    'createFlowSession',
    'createFlowController',
    'DotsFlowError',
  ],
  react: ['DotsProvider', 'DotsFlow', 'useDotsFlow', 'useFlowProgress', 'prefetchFlow'],
  server: ['createDotsClient', 'createFlowHandler', 'verifyWebhook', 'createWebhookHandler', 'signTestWebhook'],
  sandbox: ['startSandbox'],
};

let workspace: PackedWorkspace;
beforeAll(() => {
  workspace = packWorkspace();
}, 60_000);
afterAll(() => workspace?.dispose());

/** Imports `specifier` from the packed tree in a fresh Node process and prints its export names. */
function importInNode(specifier: string, conditions: readonly string[] = []) {
  const script = 'const m = await import(process.argv[1]); console.log(JSON.stringify(Object.keys(m)));';
  const flags = conditions.map((condition) => `--conditions=${condition}`);
  return runNode([...flags, '--input-type=module', '-e', script, specifier], workspace.root);
}

describe.each(PUBLISHED)('packed @dots-flow/%s', (folder) => {
  it('passes publint (strict, suggestions included) with no messages', async () => {
    const tarball = toArrayBuffer(readFileSync(workspace.packages[folder].tarball));
    expect(await publintProblems({ tarball })).toEqual([]);
  });

  it('has no are-the-types-wrong problems (ESM-only profile)', async () => {
    const pkg = createPackageFromTarballData(new Uint8Array(readFileSync(workspace.packages[folder].tarball)));
    expect(await typeProblems(pkg)).toEqual([]);
  });

  it('ships the MIT LICENSE and a manifest without devDependencies', () => {
    const { installDir, manifest } = workspace.packages[folder];
    expect(manifest['license']).toBe('MIT');
    expect(manifest['files']).toContain('LICENSE');
    expect(readFileSync(join(installDir, 'LICENSE'), 'utf8')).toBe(readFileSync(join(REPO_DIR, 'LICENSE'), 'utf8'));
    expect(readFileSync(join(REPO_DIR, 'LICENSE'), 'utf8')).toMatch(
      /^MIT License\n\nCopyright \(c\) \d{4} dots-flow contributors\n/,
    );
    // Test-only tools (hono, the sandbox…) live in the workspace root; in a published manifest they only confuse.
    expect(manifest['devDependencies']).toBeUndefined();
  });

  it('imports in plain Node from its packed build, leaving nothing running', () => {
    const run = importInNode(workspace.packages[folder].name);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(expect.arrayContaining([...EXPECTED_EXPORTS[folder]]));
  });
});

describe('packed @dots-flow/server/redis', () => {
  it('imports in plain Node with no Redis client installed: the host passes its own', () => {
    const run = importInNode('@dots-flow/server/redis');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(['createRedisDedupe', 'createRedisIdempotencyKeyStore']);
  });
});

describe('packed @dots-flow/server under the browser condition', () => {
  it('throws on import with a fix-it message, so the API key cannot reach a browser bundle', () => {
    const run = importInNode('@dots-flow/server', ['browser']);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/server-only/);
    expect(run.stdout).toBe('');
  });

  it('is the only one that does (control: core imports fine under the same condition)', () => {
    expect(importInNode('@dots-flow/core', ['browser']).status).toBe(0);
  });
});

describe('the checks themselves (controls: they do find problems)', () => {
  const manifest = {
    name: 'broken-pkg',
    version: '1.0.0',
    type: 'module',
    // types after default, and CommonJS typings (.d.cts) for an ES module: both tools must object.
    exports: { '.': { default: './index.js', types: './index.d.cts' } },
  };
  const files = {
    'package.json': JSON.stringify(manifest),
    'index.js': 'export const a = 1;\n',
    'index.d.cts': 'export declare const a: number;\n',
  };

  it('publint reports a broken manifest', async () => {
    const packed = Object.entries(files).map(([name, data]) => ({ name: `package/${name}`, data }));
    expect(await publintProblems({ files: packed }, 'package')).not.toEqual([]);
  });

  it('are-the-types-wrong reports mismatched typings', async () => {
    const encoder = new TextEncoder();
    const inMemory = Object.fromEntries(
      Object.entries(files).map(([name, text]) => [`/node_modules/broken-pkg/${name}`, encoder.encode(text)]),
    );
    expect(await typeProblems(new Package(inMemory, 'broken-pkg', '1.0.0'))).not.toEqual([]);
  });
});
