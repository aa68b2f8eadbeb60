import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { apiError, bodyTooLarge } from './apiError.js';
import type { FlowStore } from './flowStore.js';
import { parseListQuery } from './listQuery.js';
import { readJsonBody } from './readJsonBody.js';
import { toTransferObject } from './toTransferObject.js';
import type { TransferFilter, TransferStore } from './transferStore.js';
import { isUuid } from './uuid.js';
import { validateCreateTransfer } from './validateCreateTransfer.js';
import type { Notify } from './payoutStore.js';

const MAX_BODY_BYTES = 64 * 1024;
const FILTERS = ['user_id', 'reverse_order', 'type', 'status', 'start_date', 'end_date'];

/** Header on an answer replayed for a repeated `idempotency_key` (Stripe's name; Dots documents none: a guess). */
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

type FilterResult = { ok: true; filter: TransferFilter } | { ok: false; message: string; field: string };

function parseFilter(params: URLSearchParams): FilterResult {
  const userId = params.get('user_id');
  if (userId !== null && !isUuid(userId)) return { ok: false, field: 'user_id', message: '`user_id` must be a UUID.' };
  const reverse = params.get('reverse_order');
  if (reverse !== null && reverse !== 'true' && reverse !== 'false') {
    return { ok: false, field: 'reverse_order', message: '`reverse_order` must be true or false.' };
  }
  const dates: Record<string, number | null> = {};
  for (const field of ['start_date', 'end_date']) {
    const raw = params.get(field);
    const ms = raw === null ? null : Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(raw) ? raw : `${raw}Z`);
    if (raw !== null && (!/^\d{4}-\d{2}-\d{2}/.test(raw) || !Number.isFinite(ms))) {
      return { ok: false, field, message: `\`${field}\` must be a date-time like 2030-01-31T00:00:00Z.` };
    }
    dates[field] = ms;
  }
  return {
    ok: true,
    filter: {
      userId,
      type: params.get('type'),
      status: params.get('status'),
      startMs: dates.start_date ?? null,
      endMs: dates.end_date ?? null,
      reverseOrder: reverse === 'true',
    },
  };
}

/** `/v2/transfers`: create (idempotent for 24 h), retrieve, list with filters (spec `transfers`). */
export function addTransferRoutes(
  api: Hono,
  options: { store: FlowStore; transfers: TransferStore; notify: Notify; strict: boolean },
): void {
  const { store, transfers, notify, strict } = options;

  api.post(
    '/transfers',
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => bodyTooLarge(c, MAX_BODY_BYTES) }),
    async (c) => {
      const read = await readJsonBody(c);
      if (!read.ok) return apiError(c, 400, 'invalid-input', 'The body is not valid JSON. Send a JSON object.');
      // From here on nothing awaits: checking the key, the balances and moving the money is one step.
      const result = validateCreateTransfer(read.body, {
        strict,
        isKnownUser: (id) => store.getUser(id) !== undefined,
      });
      if (!result.ok) return apiError(c, 400, 'invalid-input', result.message, result.field);
      const created = transfers.create(result.value);
      if (!created.ok) {
        return apiError(c, created.code === 'not-found' ? 404 : 400, created.code, created.message, created.field);
      }
      const body = toTransferObject(created.transfer);
      if (created.replayed) c.header(IDEMPOTENT_REPLAYED_HEADER, 'true');
      else notify('transfer.completed', { transfer: body, transfer_id: body.id });
      return c.json(body);
    },
  );

  api.get('/transfers', (c) => {
    const params = new URL(c.req.url).searchParams;
    const parsed = parseListQuery(params, strict, FILTERS);
    if (!parsed.ok) return apiError(c, 400, 'invalid-input', parsed.message, parsed.field);
    const filter = parseFilter(params);
    if (!filter.ok) return apiError(c, 400, 'invalid-input', filter.message, filter.field);
    const page = transfers.list(filter.filter, parsed.query);
    if (!page.ok) {
      const field = parsed.query.startingAfter !== null ? 'starting_after' : 'ending_before';
      return apiError(c, 400, 'invalid-input', `No transfer "${page.unknownCursor}" in this list to page from.`, field);
    }
    return c.json({ has_more: page.has_more, data: page.data.map(toTransferObject) });
  });

  api.get('/transfers/:id', (c) => {
    const id = c.req.param('id');
    const transfer = isUuid(id) ? transfers.get(id) : undefined;
    if (!transfer) return apiError(c, 404, 'not-found', `No transfer "${id}". Check the transfer id (a UUID).`);
    return c.json(toTransferObject(transfer));
  });
}
