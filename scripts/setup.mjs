// Makes a fresh clone runnable with nothing but Node and npm: pnpm through corepack,
// the workspace's dependencies, and (with --browser, i.e. for `npm test`) a system Chromium for the browser
// tests and a redis-server for the Redis stores' tests.
import { ensureChromium, ensurePnpm, ensureRedisServer, installDependencies } from './workspace.mjs';

ensurePnpm();
installDependencies();
if (process.argv.includes('--browser')) {
  ensureChromium();
  ensureRedisServer();
}
