import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { apiError, bodyTooLarge } from './apiError.js';
import { checkBasicAuth } from './basicAuth.js';
import type { FlowStore } from './flowStore.js';
import { parseListQuery } from './listQuery.js';
import { addTransferRoutes } from './transferRoutes.js';
import type { TransferStore } from './transferStore.js';
import { addPayoutLinkRoutes } from './payoutLinkRoutes.js';
import type { PayoutLinkStore } from './payoutLinkStore.js';
import { addPayoutRoutes } from './payoutRoutes.js';
import type { Notify, PayoutStore } from './payoutStore.js';
import { addUserRoutes } from './userRoutes.js';
import { toFlowObject } from './toFlowObject.js';
import { isUuid } from './uuid.js';
import { validateCreateFlow } from './validateCreateFlow.js';

export interface ApiRoutesOptions {
  store: FlowStore;
  transfers: TransferStore;
  payouts: PayoutStore;
  links: PayoutLinkStore;
  /** Sends (and lets a test harness observe) a webhook event. */
  notify: Notify;
  clientId: string;
  apiKey: string;
  baseUrl: () => string;
  /** Refuse unknown fields, step options and query parameters instead of ignoring them. */
  strict: boolean;
}

/** Largest create request accepted; Dots' own limit is not documented, real requests are tiny. */
export const MAX_API_BODY_BYTES = 64 * 1024;

/** Flows, users, transfers, payouts and payout links, as Dots serves them under `/api/v2` (trailing slash or not). */
export function createApiRoutes(options: ApiRoutesOptions): Hono {
  const { store, clientId, apiKey, baseUrl, strict } = options;
  const api = new Hono({ strict: false });

  api.use('*', async (c, next) => {
    if (!checkBasicAuth(c.req.header('authorization'), clientId, apiKey)) {
      c.header('WWW-Authenticate', 'Basic realm="dots-sandbox"');
      return apiError(
        c,
        401,
        'unauthorized',
        'Send HTTP Basic auth with the client id and API key the sandbox was started with: ' +
          'Authorization: Basic base64(client_id:api_key).',
      );
    }
    await next();
  });

  api.post(
    '/flows',
    bodyLimit({ maxSize: MAX_API_BODY_BYTES, onError: (c) => bodyTooLarge(c, MAX_API_BODY_BYTES) }),
    async (c) => {
      let body: unknown;
      try {
        body = JSON.parse(await c.req.text());
      } catch {
        return apiError(c, 400, 'invalid-input', 'The body is not valid JSON. Send {"steps": [...]} as JSON.');
      }
      const result = validateCreateFlow(body, { isKnownUser: (id) => store.getUser(id) !== undefined, strict });
      if (!result.ok) return apiError(c, 400, 'invalid-input', result.message, result.field);
      return c.json(toFlowObject(store.createFlow(result.value), baseUrl()));
    },
  );

  api.get('/flows', (c) => {
    const parsed = parseListQuery(new URL(c.req.url).searchParams, strict);
    if (!parsed.ok) return apiError(c, 400, 'invalid-input', parsed.message, parsed.field);
    const page = store.listFlows(parsed.query);
    if (!page.ok) {
      const field = parsed.query.startingAfter !== null ? 'starting_after' : 'ending_before';
      return apiError(c, 400, 'invalid-input', `No flow "${page.unknownCursor}" to page from.`, field);
    }
    return c.json({ has_more: page.has_more, data: page.data.map((flow) => toFlowObject(flow, baseUrl())) });
  });

  api.get('/flows/:id', (c) => {
    const id = c.req.param('id');
    const flow = isUuid(id) ? store.getFlow(id) : undefined;
    if (!flow) return apiError(c, 404, 'not-found', `No flow "${id}". Check the flow id (a UUID).`);
    return c.json(toFlowObject(flow, baseUrl()));
  });

  addUserRoutes(api, { store, strict, notify: options.notify });
  addTransferRoutes(api, { store, strict, transfers: options.transfers, notify: options.notify });
  addPayoutRoutes(api, { store, strict, payouts: options.payouts });
  addPayoutLinkRoutes(api, { store, strict, links: options.links, baseUrl });

  api.all('*', (c) =>
    apiError(
      c,
      404,
      'not-found',
      `No endpoint ${c.req.method} ${c.req.path}. The sandbox serves /api/v2/flows, users, transfers, payouts and payout-links (see its README).`,
    ),
  );
  return api;
}
