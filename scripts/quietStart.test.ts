// `npm start` as a newcomer runs it: in a fresh copy of the repository (no node_modules, no builds), from a
// plain shell environment. They should see the URL and nothing alarming, and Ctrl-C should end it cleanly.
import { execFileSync, spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('..', import.meta.url));
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dots-flow-fresh-'));
  // What a clone has: the tracked files (and new ones not ignored yet), nothing built, nothing installed.
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: repo,
    encoding: 'utf8',
  })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    await mkdir(dirname(join(dir, 'clone', file)), { recursive: true });
    await cp(join(repo, file), join(dir, 'clone', file)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error; // deleted but not yet staged
    });
  }
}, 60_000);

afterAll(() => rm(dir, { recursive: true, force: true }));

/** A terminal's environment: none of the variables the test runner or pnpm set for their own children. */
function shellEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(npm_|pnpm_|VITEST|VITE_|NODE_ENV$|NODE_OPTIONS$|TEST$|INIT_CWD$)/i.test(key)) env[key] = value;
  }
  env['PATH'] = (process.env['PATH'] ?? '')
    .split(delimiter)
    .filter((entry) => !entry.includes('node_modules'))
    .join(delimiter);
  return { ...env, PORT: '0', HOST_APP_DATA: join(dir, 'data', 'store.json') };
}

it('prints the URL and nothing alarming, and stops cleanly on Ctrl-C', async () => {
  const clone = join(dir, 'clone');
  // Its own process group, like a terminal's foreground job: Ctrl-C reaches npm and everything under it.
  const child = spawn('npm', ['start'], {
    cwd: clone,
    env: shellEnv(),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (out.includes('Press Ctrl-C')) {
          clearInterval(timer);
          resolve();
        }
      }, 200);
      void exited.then(() => {
        clearInterval(timer);
        reject(new Error(`npm start ended before printing its URL:\n${out}`));
      });
    });
    const url = out.match(/Open {2}(http:\/\/127\.0\.0\.1:\d+)/)?.[1];
    expect(url, out).toBeDefined();
    expect((await fetch(`${url}/api/config`)).status).toBe(200);

    process.kill(-child.pid!, 'SIGINT');
    expect(await exited).toEqual({ code: 0, signal: null });
  } finally {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }

  const lines = out.split('\n').filter((line) => line.trim() !== '');
  for (const alarming of [
    /warn/i,
    /error/i,
    /fail/i,
    /ELIFECYCLE/,
    /MODULE_LEVEL_DIRECTIVE/,
    /Unknown (project|env|user|global|builtin) config/,
  ]) {
    expect(
      lines.filter((line) => alarming.test(line)),
      out,
    ).toEqual([]);
  }
  expect(lines.length, out).toBeLessThanOrEqual(16);

  // Quiet, not broken: the directive RSC frameworks read is still on the bundle, and the sandbox's command
  // (linked at install, before any build) runs.
  expect(await readFile(join(clone, 'packages/react/dist/index.js'), 'utf8')).toMatch(/^"use client";/);
  const help = execFileSync(join(clone, 'node_modules/.bin/dots-sandbox'), ['--help'], { encoding: 'utf8' });
  expect(help).toContain('Usage: dots-sandbox');
}, 420_000);
