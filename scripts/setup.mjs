// Makes a fresh clone runnable with nothing but Node and npm: pnpm through corepack,
// the workspace's dependencies, and (with --browser) a system Chromium for the browser tests.
import { ensureChromium, ensurePnpm, installDependencies } from './workspace.mjs';

ensurePnpm();
installDependencies();
if (process.argv.includes('--browser')) ensureChromium();
