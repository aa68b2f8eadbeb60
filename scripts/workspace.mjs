// Steps shared by `npm start` and `npm test` to make a fresh clone runnable with nothing but Node and npm.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const run = (cmd) => execSync(cmd, { stdio: 'inherit' });

export function has(cmd) {
  try {
    execSync(`command -v ${cmd}`, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Exits with a fix-it message: the one thing a newcomer needs to read. */
export function fail(message) {
  console.error(`\n${message}\n`);
  process.exit(1);
}

/** Runs a command with its output held back; shows it only when the command fails. */
export function quietly(what, cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.status === 0) return;
  process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
  fail(`${what} failed${result.error ? `: ${result.error.message}` : ''}. Its output is above.`);
}

/** pnpm through corepack (pinned in package.json), when it is not on PATH yet. */
export function ensurePnpm() {
  if (has('pnpm')) return;
  try {
    execSync('corepack enable pnpm', { stdio: 'inherit' });
  } catch {
    fail(
      'Could not enable pnpm. Run `corepack enable pnpm` (with sudo if Node is installed system-wide) and try again.',
    );
  }
}

/** The workspace's dependencies; with `quiet`, pnpm's output only if it fails. */
export function installDependencies({ quiet = false } = {}) {
  const args = ['install', process.env.CI ? '--frozen-lockfile' : '--prefer-offline'];
  if (quiet) quietly('Installing the dependencies', 'pnpm', args);
  else run(`pnpm ${args.join(' ')}`);
}

/** A system Chromium for the browser tests: installed with apt when running as root, else a fix-it message. */
/** The Redis stores' tests start a real redis-server (Debian package `redis-server`) on a free loopback port. */
export function ensureRedisServer() {
  const redisServer = process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server';
  if (existsSync(redisServer)) return;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && has('apt-get')) {
    run('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server');
    return;
  }
  fail(
    `The Redis stores' tests start a real redis-server and none was found at ${redisServer}.\n` +
      'Install it (Debian/Ubuntu: `sudo apt-get install redis-server`) or point REDIS_SERVER_PATH at its binary.',
  );
}

export function ensureChromium() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(chromium)) return;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && has('apt-get')) {
    run('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium');
    return;
  }
  fail(
    `The browser tests run in a system Chromium and none was found at ${chromium}.\n` +
      'Install it (Debian/Ubuntu: `sudo apt-get install chromium`) or point CHROMIUM_PATH at a Chromium or Chrome binary.',
  );
}
