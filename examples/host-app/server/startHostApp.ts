import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import { startSandbox, type Sandbox } from '@dots-flow/sandbox';
import { createDotsClient } from '@dots-flow/server';
import type { ViteDevServer } from 'vite';
import { createHostApi } from './createHostApi.js';
import { openJsonFileStore, type HostStore } from './jsonFileStore.js';
import { sandboxUsers } from './sandboxUsers.js';
import { createWebhookLog, type WebhookLog } from './webhookLog.js';

export interface HostAppOptions {
  /** Where the host app keeps its users and their Dots user ids. Default `data/store.json` in the example. */
  dataFile?: string;
  /** The app's port (backend and pages share it). Default 5173; 0 picks a free one. */
  port?: number;
  /** Take a free port when `port` is taken, instead of failing. Default false. */
  fallbackPort?: boolean;
  /** The sandbox's port. Default 0 (a free one). */
  sandboxPort?: number;
  /** Default `127.0.0.1`, for the app and the sandbox alike. */
  host?: string;
  /** Vite's hot reload. Default true. */
  hmr?: boolean;
  /** Accounts with these emails see the admin page (Payout Links). Default: none. */
  adminEmails?: readonly string[];
  /** Backend and sandbox lines. Default: silent. */
  log?: (line: string) => void;
}

export interface HostApp {
  /** The one URL to open, e.g. `http://127.0.0.1:5173`. */
  url: string;
  sandboxUrl: string;
  store: HostStore;
  webhookLog: WebhookLog;
  /** Stops the app, the backend and the sandbox. */
  close(): Promise<void>;
}

/** The example's folder (with `index.html`), from `server/` or from its build in `dist/server/`. */
function appRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, 'index.html'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error('Could not find the host app folder (with index.html).');
    folder = parent;
  }
  return folder;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Throwaway credentials for the local sandbox: new on every start, never written anywhere. */
function throwawayCredentials() {
  return {
    clientId: 'host_app_example',
    apiKey: `sk_test_${randomBytes(18).toString('base64url')}`,
    webhookSecret: `whsec_${randomBytes(24).toString('base64')}`,
  };
}

/**
 * Starts the whole example on one machine: the Dots sandbox, the host backend, and the React app
 * through Vite, with the backend (`/api/*`) and the pages on one origin.
 */
export async function startHostApp(options: HostAppOptions): Promise<HostApp> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? (() => {});
  const root = appRoot();
  const store = await openJsonFileStore(options.dataFile ?? join(root, 'data', 'store.json'));
  const webhookLog = createWebhookLog();
  const cleanups: (() => Promise<unknown> | void)[] = [];
  const close = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };

  // The server listens first, so the sandbox can be told where to send webhooks; routes come after.
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.writeHead(503, { 'content-type': 'text/plain' }).end('Starting…');
  };
  const server = createServer((req, res) => handle(req, res));
  let port: number;
  try {
    port = await listen(server, options.port ?? 5173, host);
  } catch (error) {
    if (!options.fallbackPort || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    port = await listen(server, 0, host);
  }
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  try {
    const credentials = throwawayCredentials();
    const { users, dropped } = sandboxUsers(store.dotsUserIds());
    if (dropped.length > 0) {
      log(`[backend] not handing the sandbox stored Dots user ids that are not UUIDs: ${dropped.join(', ')}`);
    }
    const sandbox: Sandbox = await startSandbox({
      port: options.sandboxPort ?? 0,
      host,
      ...credentials,
      webhookUrl: `${url}/api/dots/webhooks`,
      // A fresh sandbox forgets its users: hand it the ones our store remembers, so they keep working.
      users,
      log: (line) => log(`[sandbox] ${line}`),
    });
    cleanups.push(() => sandbox.close());

    const api = createHostApi({
      store,
      client: createDotsClient({ clientId: credentials.clientId, apiKey: credentials.apiKey, baseUrl: sandbox.url }),
      webhookSecret: credentials.webhookSecret,
      webhookLog,
      frameOrigins: [sandbox.url],
      adminEmails: options.adminEmails ?? [],
      log,
    });
    cleanups.push(() => api.close());
    const apiListener = getRequestListener(api.fetch, { overrideGlobalObjects: false });

    const { createServer: createViteServer } = await import('vite');
    const vite: ViteDevServer = await createViteServer({
      root,
      configFile: join(root, 'vite.config.ts'),
      appType: 'spa',
      clearScreen: false,
      // Warnings and errors only: its info lines (dependency optimising, reloads) are noise next to our URL.
      logLevel: options.log ? 'warn' : 'silent',
      server: { middlewareMode: true, hmr: options.hmr === false ? false : { server } },
    });
    cleanups.push(() => vite.close());

    handle = (req, res) => {
      if (req.url?.startsWith('/api/')) {
        void apiListener(req, res);
        return;
      }
      vite.middlewares(req, res, () => {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      });
    };
    cleanups.push(() => store.flush());
    return { url, sandboxUrl: sandbox.url, store, webhookLog, close };
  } catch (error) {
    await close();
    throw error;
  }
}
