// Makes a fresh clone runnable with nothing but Node and npm: pnpm through corepack,
// the workspace's dependencies, and (with --browser) a system Chromium for the browser tests.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const run = (cmd) => execSync(cmd, { stdio: 'inherit' });
const has = (cmd) => {
  try {
    execSync(`command -v ${cmd}`, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

if (!has('pnpm')) {
  try {
    run('corepack enable pnpm');
  } catch {
    console.error(
      '\nCould not enable pnpm. Run `corepack enable pnpm` (with sudo if Node is installed system-wide) and try again.\n',
    );
    process.exit(1);
  }
}

run(`pnpm install ${process.env.CI ? '--frozen-lockfile' : '--prefer-offline'}`);

if (process.argv.includes('--browser')) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    const root = typeof process.getuid === 'function' && process.getuid() === 0;
    if (root && has('apt-get')) {
      run('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium');
    } else {
      console.error(
        `\nThe browser tests run in a system Chromium and none was found at ${chromium}.\n` +
          'Install it (Debian/Ubuntu: `sudo apt-get install chromium`) or point CHROMIUM_PATH at a Chromium or Chrome binary.\n',
      );
      process.exit(1);
    }
  }
}
