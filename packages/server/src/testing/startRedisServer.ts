import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface RedisServer {
  url: string;
  /** Stops the server (SIGTERM, then SIGKILL). */
  close(): Promise<void>;
  /** Stops it hard, as a crash would. */
  kill(): Promise<void>;
}

/** The Debian package's binary unless REDIS_SERVER_PATH says otherwise; CI (.ci/run) installs it. */
export const REDIS_SERVER_PATH = process.env['REDIS_SERVER_PATH'] ?? '/usr/bin/redis-server';

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

function startOnce(port: number): Promise<RedisServer> {
  // Nothing is written to disk: no RDB snapshots, no append-only file.
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const child = spawn(REDIS_SERVER_PATH, [...args, '--protected-mode', 'yes', '--loglevel', 'notice'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop(child, 'SIGKILL');
      reject(new Error(`redis-server did not get ready within 10 s:\n${output}`));
    }, 10_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve({
          url: `redis://127.0.0.1:${port}`,
          close: () => stop(child, 'SIGTERM'),
          kill: () => stop(child, 'SIGKILL'),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${code}) before it was ready:\n${output}`));
    });
  });
}

/**
 * Starts a real `redis-server` on 127.0.0.1 with a free port, for one test file. Fails (never skips)
 * when the binary is missing: CI always has it.
 */
export async function startRedisServer(): Promise<RedisServer> {
  if (!existsSync(REDIS_SERVER_PATH)) {
    throw new Error(
      `redis-server not found at ${REDIS_SERVER_PATH}. Install it (apt-get install -y redis-server, as .ci/run does) ` +
        'or set REDIS_SERVER_PATH to its binary.',
    );
  }
  let lastError: unknown;
  // Another process may take the probed port before redis-server binds it: try a few.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      return await startOnce(await freePort());
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}
