import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { apiError } from './apiError.js';
import { createApiRoutes } from './apiRoutes.js';
import { SANDBOX_DEFAULTS } from './defaults.js';
import { createDemoRoutes, isDemoFlow, payDemoUser } from './demoRoutes.js';
import { createFlowStore } from './flowStore.js';
import { createTransferStore } from './transferStore.js';
import { homePage } from './homePage.js';
import { loadPageAssets } from './pageAssets.js';
import { createPageRoutes } from './pageRoutes.js';
import type { StepEffects } from './completeStep.js';
import { createPayoutLinkStore } from './payoutLinkStore.js';
import { createPayoutStore } from './payoutStore.js';
import type { Notify } from './payoutStore.js';
import { observeEvent, observeResponses } from './responseObserver.js';
import { SandboxError } from './SandboxError.js';
import { isSvixSecret } from './svixSignature.js';
import { isUuid } from './uuid.js';
import { notifyUserUpdated } from './userUpdatedEvents.js';
import { createWebhookSender } from './webhookSender.js';
import { webhookBody } from './webhookBody.js';

export interface SandboxOptions {
  /** Default 4010; `0` picks a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Default `sandbox_client`. */
  clientId?: string;
  /** Default `sandbox_key`. */
  apiKey?: string;
  /** Where `flow.updated` webhooks go; none are sent without it. */
  webhookUrl?: string;
  /** Svix-style `whsec_…` secret the webhooks are signed with; default `SANDBOX_DEFAULTS.webhookSecret`. */
  webhookSecret?: string;
  /** User ids (UUIDs, as Dots' are) the sandbox knows from the start, so flows can be created with `user_id`. */
  users?: string[];
  /** The sandbox's clock in ms since the epoch (sign-in window, `created`, webhook timestamps). */
  now?: () => number;
  /** How long a flow's user stays signed in before the page asks for an SMS code; default 15 minutes, as on Dots. */
  flowTtlMs?: number;
  /** Refuse unknown request fields, step options and query parameters instead of ignoring them (catches typos). */
  strict?: boolean;
  /** Serve `/demo`, a host page that frames a fresh flow with every step (`dots-sandbox --demo`). */
  demo?: boolean;
  /** Wait before each webhook retry; default `[1000, 5000, 25000]`. */
  webhookRetryDelaysMs?: number[];
  /** Receives one line per webhook attempt; silent by default. */
  log?: (line: string) => void;
  /** Cents in the app's wallet at start (`--app-balance`): it pays users, payout links and fees the platform pays. */
  appBalance?: number;
}

export interface Sandbox {
  /** Base URL without trailing slash, e.g. `http://127.0.0.1:4010`. */
  url: string;
  /** The API base, like Dots' `https://pls.senddotssandbox.com/api`: `${url}/api` (paths `/v2/...` below it). */
  apiUrl: string;
  /** Stops the server: closes every connection and cancels pending webhook retries. */
  close(): Promise<void>;
}

function invalid(message: string): SandboxError {
  return new SandboxError('invalid_option', message);
}

function checkOptions(options: SandboxOptions): void {
  const { port, clientId, apiKey, webhookUrl, webhookSecret, users, flowTtlMs, webhookRetryDelaysMs } = options;
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) {
    throw invalid(`port must be an integer from 0 to 65535 (0 picks a free port); got ${String(port)}.`);
  }
  if (clientId !== undefined && (clientId === '' || clientId.includes(':'))) {
    throw invalid('clientId must be a non-empty string without ":" (HTTP Basic auth cannot carry it).');
  }
  if (apiKey !== undefined && apiKey === '') throw invalid('apiKey must be a non-empty string.');
  if (webhookUrl !== undefined && !/^https?:\/\//.test(webhookUrl)) {
    throw invalid(`webhookUrl must be an http: or https: URL; got ${JSON.stringify(webhookUrl)}.`);
  }
  if (webhookSecret !== undefined && !isSvixSecret(webhookSecret)) {
    throw invalid('webhookSecret must look like a Svix secret: "whsec_" followed by base64.');
  }
  if (users !== undefined && !(Array.isArray(users) && users.every(isUuid))) {
    const bad: unknown = Array.isArray(users) ? (users as unknown[]).find((id) => !isUuid(id)) : users;
    throw invalid(
      `users must be a list of user ids, each a UUID as Dots' are (e.g. crypto.randomUUID()); got ${JSON.stringify(bad)}.`,
    );
  }
  if (flowTtlMs !== undefined && !(Number.isFinite(flowTtlMs) && flowTtlMs >= 0)) {
    throw invalid('flowTtlMs must be a number of milliseconds, 0 or more.');
  }
  if (options.appBalance !== undefined && !(Number.isSafeInteger(options.appBalance) && options.appBalance >= 0)) {
    throw invalid(`appBalance must be a whole number of cents, 0 or more; got ${String(options.appBalance)}.`);
  }
  if (webhookRetryDelaysMs !== undefined && !webhookRetryDelaysMs.every((d) => Number.isFinite(d) && d >= 0)) {
    throw invalid('webhookRetryDelaysMs must be a list of millisecond delays, each 0 or more.');
  }
}

/**
 * Starts a local Dots: the API at `${url}/api/v2` (flows, users, transfers, payouts, payout links),
 * flow pages at `${url}/flow/:id`, a demo at `${url}/demo`, and signed webhooks to `webhookUrl`.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  checkOptions(options);
  const host = options.host ?? SANDBOX_DEFAULTS.host;
  const port = options.port ?? SANDBOX_DEFAULTS.port;
  const now = options.now ?? Date.now;
  const store = createFlowStore({
    now,
    signInMs: options.flowTtlMs ?? SANDBOX_DEFAULTS.flowTtlMs,
    users: options.users ?? [],
  });
  const webhooks = options.webhookUrl
    ? createWebhookSender({
        url: options.webhookUrl,
        secret: options.webhookSecret ?? SANDBOX_DEFAULTS.webhookSecret,
        retryDelaysMs: options.webhookRetryDelaysMs ?? SANDBOX_DEFAULTS.webhookRetryDelaysMs,
        now,
        log: options.log ?? (() => {}),
      })
    : null;
  const transfers = createTransferStore({
    users: store.users,
    now,
    appBalanceCents: options.appBalance ?? SANDBOX_DEFAULTS.appBalanceCents,
  });
  let url = '';
  const baseUrl = () => url;
  // Without a webhookUrl nothing is sent, but a harness still sees each body as it would leave.
  const notify: Notify = webhooks ? webhooks.send : (type, fields) => observeEvent(type, webhookBody(type, fields));
  const payouts = createPayoutStore({ transfers, users: store.users, now, notify });
  const links = createPayoutLinkStore({ flows: store, transfers, now, baseUrl, notify });
  const demo = options.demo === true;
  const effects: StepEffects = {
    userReady(flow, user) {
      links.userReady(flow, user);
      // A new user's wallet is empty (as on Dots): the app pays a demo flow's user so the demo can withdraw.
      if (demo && isDemoFlow(flow)) payDemoUser(transfers, notify, user);
    },
    payout(flow, user, cents, step) {
      const rail = payouts.railOf(user);
      const result = payouts.withdraw({
        user,
        amountCents: cents,
        rail,
        feeParty: step.payout_fee_party,
        metadata: null,
        taxExempt: null,
        payoutLinkId: flow.payoutLinkId,
      });
      if (!result.ok) return result;
      links.paidOut(flow, { method: rail, withdrewCents: cents });
      return null;
    },
    userUpdated: (user, eventType) => notifyUserUpdated(notify, eventType, user.id),
  };

  const assets = await loadPageAssets();
  const app = new Hono({ strict: false });
  app.use('*', observeResponses);
  app.route(
    '/api/v2',
    createApiRoutes({
      store,
      transfers,
      payouts,
      links,
      notify,
      baseUrl,
      clientId: options.clientId ?? SANDBOX_DEFAULTS.clientId,
      apiKey: options.apiKey ?? SANDBOX_DEFAULTS.apiKey,
      strict: options.strict === true,
    }),
  );
  app.get('/', (c) => homePage(c, demo));
  app.get('/favicon.ico', (c) => c.body(null, 204));
  if (demo) app.route('/', createDemoRoutes(store, assets, baseUrl));
  app.route('/', createPageRoutes({ store, assets, webhooks, effects }));
  app.notFound((c) => apiError(c, 404, 'not-found', `Nothing at ${c.req.path}. Flow pages live at /flow/:id.`));
  app.onError((_error, c) => apiError(c, 500, 'internal-error', 'The sandbox failed on this request.'));

  // Keep Node's own Request/Response: the sandbox often runs inside someone else's test process.
  const server = createAdaptorServer({ fetch: app.fetch, overrideGlobalObjects: false }) as Server;
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      void webhooks?.close();
      reject(
        error.code === 'EADDRINUSE'
          ? new SandboxError(
              'port_in_use',
              `Port ${port} on ${host} is in use. Pick another port, or 0 for any free one.`,
            )
          : new SandboxError('listen_failed', `Could not listen on ${host}:${port}: ${error.message}`, {
              cause: error,
            }),
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  url = `http://${urlHost(host)}:${address.port}`;

  let closing: Promise<void> | undefined;
  return {
    url,
    apiUrl: `${url}/api`,
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await Promise.all([closed, webhooks?.close()]);
      })();
      return closing;
    },
  };
}

/** The host to put in URLs: a wildcard address is reached through loopback, IPv6 needs brackets. */
function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
