// Builds the example once (`next build`) and runs it with `next start` against a local sandbox, for the tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox, type Sandbox } from '@dots-flow/sandbox';
import { createDotsClient, type DotsClient } from '@dots-flow/server';

export const APP_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const NEXT_BIN = join(APP_DIR, 'node_modules', 'next', 'dist', 'bin', 'next');

export interface NextBuild {
  ok: boolean;
  /** stdout and stderr together, as a developer would see them. */
  output: string;
  ms: number;
}

/** `next build [args]` in `dir`; never rejects for a failed build. */
export function nextBuild(dir: string, args: readonly string[] = []): Promise<NextBuild> {
  const started = performance.now();
  const child = spawn(process.execPath, [NEXT_BIN, 'build', ...args], {
    cwd: dir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 300_000,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  return new Promise((resolve) => {
    child.once('close', (code) => resolve({ ok: code === 0, output, ms: Math.round(performance.now() - started) }));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RunningNextApp {
  url: string;
  sandbox: Sandbox;
  /** The app's own Dots client (its credentials), for a test acting as the host's backend: paying a user. */
  dots: DotsClient;
  webhookSecret: string;
  close(): Promise<void>;
}

/** The built app on `next start`, wired to a fresh sandbox that sends its webhooks to the app. */
export async function startNextApp(): Promise<RunningNextApp> {
  // The sandbox must know the app's webhook URL before it starts, and the app the sandbox's URL: take a free port first.
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const credentials = {
    clientId: 'next_example',
    apiKey: `sk_test_${randomBytes(18).toString('base64url')}`,
    webhookSecret: `whsec_${randomBytes(24).toString('base64')}`,
  };
  const sandbox = await startSandbox({ port: 0, ...credentials, webhookUrl: `${url}/api/dots/webhooks` });
  const child = spawn(process.execPath, [NEXT_BIN, 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: APP_DIR,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DOTS_SANDBOX_URL: sandbox.url,
      DOTS_CLIENT_ID: credentials.clientId,
      DOTS_API_KEY: credentials.apiKey,
      DOTS_WEBHOOK_SECRET: credentials.webhookSecret,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  const close = async () => {
    await stop(child);
    await sandbox.close();
  };
  try {
    await waitUntilUp(url, child, () => output);
  } catch (error) {
    await close();
    throw error;
  }
  const dots = createDotsClient({ clientId: credentials.clientId, apiKey: credentials.apiKey, baseUrl: sandbox.url });
  return { url, sandbox, dots, webhookSecret: credentials.webhookSecret, close };
}

async function waitUntilUp(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`next start did not answer within 30 s:\n${output()}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
