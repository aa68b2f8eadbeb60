// The example's one command: sandbox, backend and app start together, one URL is printed, and Ctrl-C
// (SIGINT) stops all three. Runs the compiled launcher exactly as `pnpm dev` does.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';

const appDir = fileURLToPath(new URL('..', import.meta.url));

beforeAll(() => {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.server.json'], { cwd: appDir, stdio: 'pipe' });
}, 60_000);

const refused = (url: string) =>
  fetch(url).then(
    () => false,
    () => true,
  );

it('starts sandbox, backend and app with one command, prints the URL, and stops all three on Ctrl-C', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'host-app-dev-'));
  const child = spawn(process.execPath, ['dist/server/dev.js'], {
    cwd: appDir,
    env: { ...process.env, PORT: '0', HOST_APP_DATA: join(dataDir, 'store.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    let out = '';
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('Ctrl-C')) resolve();
      });
      void exited.then(() => reject(new Error(`dev exited early:\n${out}`)));
    });
    const url = out.match(/Open {2}(http:\/\/127\.0\.0\.1:\d+)/)?.[1];
    const sandboxUrl = out.match(/sandbox {2}(http:\/\/127\.0\.0\.1:\d+)/)?.[1];
    expect(url).toBeDefined();
    expect(sandboxUrl).toBeDefined();

    expect(await (await fetch(`${url}/api/config`)).json()).toEqual({ frameOrigins: [sandboxUrl] });
    const page = await fetch(`${url}/withdraw`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root"></div>');
    expect((await fetch(`${sandboxUrl}/api/v2/flows`)).status).toBe(401);

    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(await refused(`${url}/api/config`)).toBe(true);
    expect(await refused(`${sandboxUrl}/api/v2/flows`)).toBe(true);
  } finally {
    child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  }
}, 30_000);
