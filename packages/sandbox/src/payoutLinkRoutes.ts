import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { apiError, bodyTooLarge } from './apiError.js';
import type { FlowStore } from './flowStore.js';
import { parseListQuery } from './listQuery.js';
import type { PayoutLinkStore } from './payoutLinkStore.js';
import { readJsonBody } from './readJsonBody.js';
import { toPayoutLinkObject } from './toPayoutLinkObject.js';
import { IDEMPOTENT_REPLAYED_HEADER } from './transferRoutes.js';
import { isUuid } from './uuid.js';
import { validateCreatePayoutLink } from './validateCreatePayoutLink.js';

const MAX_BODY_BYTES = 64 * 1024;

/** `/v2/payout-links`: create (201, or 202 `funds_pending`), list, retrieve, delete (cancel), redeliver. */
export function addPayoutLinkRoutes(
  api: Hono,
  options: { store: FlowStore; links: PayoutLinkStore; strict: boolean; baseUrl: () => string },
): void {
  const { store, links, strict, baseUrl } = options;
  const object = (link: Parameters<typeof toPayoutLinkObject>[0]) => toPayoutLinkObject(link, baseUrl());
  const find = (id: string) => (isUuid(id) ? links.get(id) : undefined);
  const noLink = (id: string) => `No payout link "${id}". Check the id (a UUID from POST /v2/payout-links).`;

  api.post(
    '/payout-links',
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => bodyTooLarge(c, MAX_BODY_BYTES) }),
    async (c) => {
      const read = await readJsonBody(c);
      if (!read.ok) return apiError(c, 400, 'invalid-input', 'The body is not valid JSON. Send a JSON object.');
      const result = validateCreatePayoutLink(read.body, {
        strict,
        isKnownUser: (id) => store.getUser(id) !== undefined,
      });
      if (!result.ok) return apiError(c, 400, 'invalid-input', result.message, result.field);
      const { link, replayed } = links.create(result.value);
      if (replayed) c.header(IDEMPOTENT_REPLAYED_HEADER, 'true');
      return c.json(object(link), link.status === 'funds_pending' ? 202 : 201);
    },
  );

  api.get('/payout-links', (c) => {
    const parsed = parseListQuery(new URL(c.req.url).searchParams, strict);
    if (!parsed.ok) return apiError(c, 400, 'invalid-input', parsed.message, parsed.field);
    const page = links.list(parsed.query);
    if (!page.ok) {
      const field = parsed.query.startingAfter !== null ? 'starting_after' : 'ending_before';
      return apiError(c, 400, 'invalid-input', `No payout link "${page.unknownCursor}" to page from.`, field);
    }
    return c.json({ has_more: page.has_more, data: page.data.map(object) });
  });

  api.get('/payout-links/:id', (c) => {
    const link = find(c.req.param('id'));
    if (!link) return apiError(c, 404, 'not-found', noLink(c.req.param('id')));
    return c.json(object(link));
  });

  api.delete('/payout-links/:id', (c) => {
    const id = c.req.param('id');
    const result = isUuid(id) ? links.cancel(id) : undefined;
    if (!result) return apiError(c, 404, 'not-found', noLink(id));
    if (!result.ok) return apiError(c, 409, 'payout-link-closed', result.message);
    return c.json(object(result.link));
  });

  api.post('/payout-links/:id/redeliver', (c) => {
    const id = c.req.param('id');
    const result = isUuid(id) ? links.redeliver(id) : undefined;
    if (!result) return apiError(c, 404, 'not-found', noLink(id));
    return c.json({ payout_link: object(result.link), redelivered: result.redelivered });
  });
}
