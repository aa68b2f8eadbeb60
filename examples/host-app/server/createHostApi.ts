import { Hono } from 'hono';
import {
  createFlowHandler,
  createWebhookHandler,
  hostUserIdOf,
  type DotsClient,
  type ResolvedUser,
  type DotsWebhookEvent,
  type DotsWebhookEventOf,
} from '@dots-flow/server';
import { accountRoutes, apiError, publicUser } from './accountRoutes.js';
import type { HostStore, HostUser, LinkResult } from './jsonFileStore.js';
import { hashSessionToken, readSessionToken } from './sessionCookie.js';
import { adminRoutes } from './adminRoutes.js';
import { claimRoute } from './claimRoute.js';
import { moneyRoutes } from './moneyRoutes.js';
import { payoutLinkIdOf, readPayoutLinkProgress } from './payoutLinkProgress.js';
import { payoutRoute } from './payoutRoute.js';
import { toHistoryItem } from './walletHistory.js';
import { webhookEventsRoute } from './webhookEventsRoute.js';
import { whiteLabelRoutes } from './whiteLabelRoutes.js';
import { ADMIN_CHANNEL, type WebhookLog } from './webhookLog.js';

export interface HostApiOptions {
  store: HostStore;
  client: DotsClient;
  webhookSecret: string;
  webhookLog: WebhookLog;
  /** The Dots flow-page origins the browser may frame, e.g. `[sandbox.url]`. */
  frameOrigins: string[];
  /** Accounts with these emails (compared lower-cased) may use the admin pages (Payout Links). Default: none. */
  adminEmails?: readonly string[];
  /** Where the backend reports failures and notable events. Default: console. */
  log?: (line: string) => void;
}

export interface HostApi {
  fetch: (request: Request) => Response | Promise<Response>;
  /** Ends open event streams. */
  close(): void;
}

/** The steps this app's pages ask for; the flow route refuses every other one. */
export const ALLOWED_STEPS = ['compliance', 'manage-payouts', 'payout'] as const;

/** The step whose completion, read back from Dots, finishes sign-up: payouts need tax details. */
export const SIGNUP_DONE_STEP = 'compliance';

/**
 * The host app's backend, as a Hono app on the public dots-flow packages only: a cookie session,
 * the flow route (`createFlowHandler`), the webhook route (`createWebhookHandler`) that links each
 * host user to the Dots user created at onboarding, and a live log of verified webhooks.
 */
export function createHostApi(options: HostApiOptions): HostApi {
  const { store, client, webhookLog, frameOrigins } = options;
  const log = options.log ?? ((line: string) => console.log(line));
  const closing = new AbortController();

  const admins = new Set((options.adminEmails ?? []).map((email) => email.toLowerCase()));
  const isAdmin = (user: HostUser) => user.email !== null && admins.has(user.email);
  const view = (user: HostUser) => publicUser(user, isAdmin(user));

  const userOf = (request: Request): HostUser | undefined => {
    const token = readSessionToken(request.headers.get('cookie'));
    return token === undefined ? undefined : store.userForSession(hashSessionToken(token));
  };
  const adminOf = (request: Request): HostUser | undefined => {
    const user = userOf(request);
    return user && isAdmin(user) ? user : undefined;
  };

  // The Dots user id comes only from here: the server-side mapping of the session's host user.
  const resolveUser = (request: Request): ResolvedUser | null => {
    const user = userOf(request);
    return user ? { hostUserId: user.id, dotsUserId: user.dotsUserId } : null;
  };

  const flows = createFlowHandler({
    client,
    resolveUser,
    allowedSteps: ALLOWED_STEPS,
    basePath: '/api/dots/flows',
    metadata: { app: 'dots-flow-example' },
    onError: (error) => log(`[backend] flow route failed: ${String(error)}`),
  });

  // Transfer events carry `transfer_id`; the transfer is read back from Dots, and its owner is the host user
  // our own store links to its Dots user: nothing in the body is trusted.
  const onTransferEvent = async (
    event: DotsWebhookEventOf<'transfer.completed' | 'transfer.failed' | 'transfer.updated'>,
  ) => {
    const transfer = await client.transfers.retrieve(event.payload.transfer_id);
    const owner = store.userByDotsUserId(transfer.user_id);
    // A Payout Link's payee is nobody's account here: the admin channel follows the link itself.
    if (!owner && transfer.payout_link_id) return;
    if (!owner) {
      log(`[backend] transfer webhook for a Dots user no host user has; ignored.`);
      return;
    }
    const item = toHistoryItem(transfer);
    webhookLog.add(owner.id, {
      kind: 'transfer',
      webhookId: event.id,
      event: event.type,
      transferId: transfer.id,
      amountCents: item.amountCents,
      description: item.description,
      status: transfer.status,
    });
  };

  // `payout_link.*` bodies are the link itself. Which event it was, the body does not always say; the link
  // read back from Dots (and the payee's payouts) says where it stands, for the admins' live view.
  const onPayoutLinkEvent = async (event: DotsWebhookEvent) => {
    const payoutLinkId = payoutLinkIdOf(event.payload as Record<string, unknown>);
    if (payoutLinkId === undefined) return;
    const { link, stage } = await readPayoutLinkProgress(client, payoutLinkId);
    webhookLog.add(ADMIN_CHANNEL, {
      kind: 'payout_link',
      webhookId: event.id,
      event: event.type ?? 'payout_link',
      payoutLinkId: link.id,
      stage,
      amountCents: link.amount,
    });
  };

  const webhooks = createWebhookHandler({
    secret: options.webhookSecret,
    client,
    onError: (error) => log(`[backend] webhook failed: ${String(error)}`),
    onTransferCompleted: onTransferEvent,
    onTransferFailed: onTransferEvent,
    onTransferUpdated: onTransferEvent,
    // The link bodies for sent/claimed/paid out are alike, and only webhooks.yaml has them name their type
    // in `event` (webhooks.mdx's examples do not): every one that looks like a link is read back, whichever type.
    onEvent: onPayoutLinkEvent,
    async onFlowUpdated(flow, event) {
      // The owner stamp was written by our own flow route with our API key, and this flow was just
      // read back from Dots: it is trusted, unlike anything the browser says.
      // A Payout Link's flow belongs to its payee, not to one of our accounts: its link events cover it.
      if (flow.payout_link_id) return;
      const hostUserId = hostUserIdOf(flow);
      if (hostUserId === undefined || !store.getUser(hostUserId)) {
        log(`[backend] webhook for flow ${flow.id} names no known host user; ignored.`);
        return;
      }
      let link: LinkResult | null = null;
      if (flow.user_id) {
        link = await store.linkDotsUser(hostUserId, flow.user_id);
        if (link === 'linked') log(`[backend] stored Dots user ${flow.user_id} for host user ${hostUserId}`);
        if (link === 'conflict') log(`[backend] flow ${flow.id} has another Dots user than ${hostUserId}'s; kept.`);
      }
      // Server truth, never the frame's word: the flow as Dots reports it has the tax step done, for the
      // Dots user this host user is linked to. Only the requested step counts (Dots does not list onboarding).
      const wasReady = store.getUser(hostUserId)?.payoutsReady === true;
      const payoutsReady =
        wasReady ||
        (flow.user_id !== null &&
          flow.completed_steps.includes(SIGNUP_DONE_STEP) &&
          (await store.markPayoutsReady(hostUserId, flow.user_id)));
      if (payoutsReady && !wasReady) log(`[backend] sign-up finished for host user ${hostUserId}`);
      webhookLog.add(hostUserId, {
        kind: 'flow',
        webhookId: event.id,
        event: event.type ?? 'unknown',
        flowId: flow.id,
        completedSteps: [...flow.completed_steps],
        dotsUserId: flow.user_id,
        link,
        payoutsReady,
      });
    },
  });

  const app = new Hono();
  // Answers here carry flow links and session state: never cache them.
  app.use('/api/*', async (c, next) => {
    await next();
    if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'no-store');
  });

  app.get('/api/config', (c) => c.json({ frameOrigins }));

  app.route('/', accountRoutes({ store, userOf, view }));
  app.route('/', moneyRoutes({ client, userOf, log }));
  app.route('/', whiteLabelRoutes({ store, client, userOf, log, view }));
  app.post('/api/payouts', ...payoutRoute({ client, userOf, log }));
  app.route('/', adminRoutes({ client, adminOf, log }));
  app.get('/api/payout-links/:id', claimRoute({ client, log }));
  app.all('/api/dots/flows', (c) => flows(c.req.raw));
  app.all('/api/dots/flows/*', (c) => flows(c.req.raw));
  // The handler reads the raw bytes itself: nothing may parse the body before it.
  app.all('/api/dots/webhooks', (c) => webhooks(c.req.raw));
  app.get(
    '/api/events',
    webhookEventsRoute({ log: webhookLog, channelOf: (r) => userOf(r)?.id, closing: closing.signal }),
  );
  app.get(
    '/api/admin/events',
    webhookEventsRoute({
      log: webhookLog,
      channelOf: (r) => (adminOf(r) ? ADMIN_CHANNEL : undefined),
      closing: closing.signal,
    }),
  );

  app.notFound((c) => apiError(c, 404, 'not_found', `No API route at ${c.req.method} ${c.req.path}.`));
  app.onError((error, c) => {
    log(`[backend] ${c.req.method} ${c.req.path} failed: ${String(error)}`);
    return apiError(c, 500, 'internal_error', 'The server failed on this request.');
  });

  return { fetch: app.fetch, close: () => closing.abort() };
}
