// `npm start`: from a fresh clone to the running example, quietly. Install and build show their output only
// when they fail; then the example prints its URL. Ctrl-C stops it and ends here with nothing alarming.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { ensurePnpm, installDependencies, quietly } from './workspace.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const example = fileURLToPath(new URL('../examples/host-app/', import.meta.url));

if (!process.argv.includes('--no-install')) {
  ensurePnpm();
  console.log('Installing the dependencies…');
  installDependencies({ quiet: true });
}
console.log('Building the packages…');
quietly('Building the packages', 'pnpm', ['--filter', '@dots-flow/example-host-app^...', 'run', 'build'], {
  cwd: root,
});
const tsc = createRequire(`${example}package.json`).resolve('typescript/bin/tsc');
quietly('Building the example', process.execPath, [tsc, '-p', 'tsconfig.server.json'], { cwd: example });

const child = spawn(process.execPath, ['dist/server/dev.js'], { cwd: example, stdio: 'inherit' });
// Ctrl-C reaches the whole process group, the example included: it stops itself, and this process waits for
// it, so npm (or pnpm) sees a clean exit instead of a signal and prints no "command failed". Passing SIGINT on
// would count as a second Ctrl-C. A SIGTERM sent to this process alone (a process manager) is passed on.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
