import { Hono } from 'hono';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
  createFlowHandler,
  createWebhookHandler,
  HOST_USER_ID_METADATA_KEY,
  type DotsClient,
  type ResolvedUser,
} from '@dots-flow/server';
import type { HostStore, HostUser, LinkResult } from './jsonFileStore.js';
import {
  clearedSessionCookie,
  hashSessionToken,
  newSessionToken,
  readSessionToken,
  sessionCookie,
} from './sessionCookie.js';
import { webhookEventsRoute } from './webhookEventsRoute.js';
import type { WebhookLog } from './webhookLog.js';

export interface HostApiOptions {
  store: HostStore;
  client: DotsClient;
  webhookSecret: string;
  webhookLog: WebhookLog;
  /** The Dots flow-page origins the browser may frame, e.g. `[sandbox.url]`. */
  frameOrigins: string[];
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

const NAME_MAX = 60;

function apiError(c: Context, status: 400 | 401 | 404 | 413 | 415 | 500, code: string, message: string) {
  return c.json({ error: { code, message } }, status);
}

const publicUser = (user: HostUser) => ({ id: user.id, name: user.name, dotsUserId: user.dotsUserId });

/**
 * The host app's backend, as a Hono app on the public dots-flow packages only: a cookie session,
 * the flow route (`createFlowHandler`), the webhook route (`createWebhookHandler`) that links each
 * host user to the Dots user created at onboarding, and a live log of verified webhooks.
 */
export function createHostApi(options: HostApiOptions): HostApi {
  const { store, client, webhookLog, frameOrigins } = options;
  const log = options.log ?? ((line: string) => console.log(line));
  const closing = new AbortController();

  const userOf = (request: Request): HostUser | undefined => {
    const token = readSessionToken(request.headers.get('cookie'));
    return token === undefined ? undefined : store.userForSession(hashSessionToken(token));
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

  const webhooks = createWebhookHandler({
    secret: options.webhookSecret,
    client,
    onError: (error) => log(`[backend] webhook failed: ${String(error)}`),
    async onFlowUpdated(flow, event) {
      // The owner stamp was written by our own flow route with our API key, and this flow was just
      // read back from Dots: it is trusted, unlike anything the browser says.
      const hostUserId = flow.metadata?.[HOST_USER_ID_METADATA_KEY];
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
      webhookLog.add(hostUserId, {
        webhookId: event.id,
        event: event.type ?? 'unknown',
        flowId: flow.id,
        completedSteps: [...flow.completed_steps],
        dotsUserId: flow.user_id,
        link,
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

  app.get('/api/me', (c) => {
    const user = userOf(c.req.raw);
    return c.json({ user: user ? publicUser(user) : null });
  });

  app.post(
    '/api/session',
    bodyLimit({ maxSize: 2048, onError: (c) => apiError(c, 413, 'body_too_large', 'The body is over 2 KiB.') }),
    async (c) => {
      if (!/^application\/json\s*(;|$)/i.test(c.req.header('content-type') ?? '')) {
        return apiError(c, 415, 'unsupported_media_type', 'Send JSON with "Content-Type: application/json".');
      }
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return apiError(c, 400, 'invalid_json', 'The body is not valid JSON.');
      }
      // Only the name is read: ids (host or Dots) in the body are ignored.
      const raw = typeof body === 'object' && body !== null ? Object.getOwnPropertyDescriptor(body, 'name')?.value : '';
      const name = typeof raw === 'string' ? raw.trim() : '';
      // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
      if (name === '' || name.length > NAME_MAX || /[\u0000-\u001f\u007f]/.test(name)) {
        return apiError(c, 400, 'invalid_name', `Give a name of 1 to ${NAME_MAX} characters.`);
      }
      const old = readSessionToken(c.req.header('cookie') ?? null);
      if (old !== undefined) await store.deleteSession(hashSessionToken(old));
      const user = await store.createUser(name);
      const token = newSessionToken();
      await store.createSession(hashSessionToken(token), user.id);
      c.header('set-cookie', sessionCookie(token));
      return c.json({ user: publicUser(user) }, 201);
    },
  );

  app.delete('/api/session', async (c) => {
    const token = readSessionToken(c.req.header('cookie') ?? null);
    if (token !== undefined) await store.deleteSession(hashSessionToken(token));
    c.header('set-cookie', clearedSessionCookie());
    return c.body(null, 204);
  });

  app.all('/api/dots/flows', (c) => flows(c.req.raw));
  app.all('/api/dots/flows/*', (c) => flows(c.req.raw));
  // The handler reads the raw bytes itself: nothing may parse the body before it.
  app.all('/api/dots/webhooks', (c) => webhooks(c.req.raw));
  app.get('/api/events', webhookEventsRoute({ log: webhookLog, userOf, closing: closing.signal }));

  app.notFound((c) => apiError(c, 404, 'not_found', `No API route at ${c.req.method} ${c.req.path}.`));
  app.onError((error, c) => {
    log(`[backend] ${c.req.method} ${c.req.path} failed: ${String(error)}`);
    return apiError(c, 500, 'internal_error', 'The server failed on this request.');
  });

  return { fetch: app.fetch, close: () => closing.abort() };
}
