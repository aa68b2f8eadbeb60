// `pnpm dev`: the sandbox, the backend and the app together; prints the one URL to open; Ctrl-C stops all three.
import { startHostApp } from './startHostApp.js';

// Local and throwaway: whoever signs up with this email runs the admin page. A real app has its own staff roles.
const DEFAULT_ADMIN = 'admin@example.com';

function portFrom(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`${name} must be a port number from 0 to 65535 (0 picks a free one); got "${value}".`);
    process.exit(1);
  }
  return port;
}

const app = await startHostApp({
  port: portFrom('PORT', 5173),
  fallbackPort: process.env['PORT'] === undefined,
  sandboxPort: portFrom('DOTS_SANDBOX_PORT', 0),
  dataFile: process.env['HOST_APP_DATA'] || undefined,
  adminEmails: (process.env['HOST_APP_ADMINS'] || DEFAULT_ADMIN).split(',').map((email) => email.trim()),
  log: (line) => console.log(line),
}).catch((error: unknown) => {
  console.error(`Could not start the example: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

console.log(`
  dots-flow example host app

  Open  ${app.url}

  backend  ${app.url}/api  (webhooks at /api/dots/webhooks)
  sandbox  ${app.sandboxUrl}  (a local Dots with throwaway credentials)
  data     ${app.store.file}
  admin    sign up as ${process.env['HOST_APP_ADMINS'] || DEFAULT_ADMIN} for the Payout Links page

  Press Ctrl-C to stop all three.
`);

let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  if (stopping) return process.exit(130); // a second Ctrl-C does not wait
  stopping = true;
  console.log(`\n${signal}: stopping the app, the backend and the sandbox…`);
  app.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
