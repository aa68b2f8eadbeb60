import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { apiError, bodyTooLarge } from './apiError.js';
import type { FlowStore } from './flowStore.js';
import type { PayoutStore } from './payoutStore.js';
import { readJsonBody } from './readJsonBody.js';
import { toTransferObject } from './toTransferObject.js';
import { IDEMPOTENT_REPLAYED_HEADER } from './transferRoutes.js';
import { validateCreatePayout } from './validateCreatePayout.js';

const MAX_BODY_BYTES = 64 * 1024;

/**
 * `POST /v2/payouts` (spec: 201 and the `transfer` object). The spec has no payout read routes: a
 * payout is a transfer of type `payout`, read with `GET /v2/transfers/{id}` and the transfers list.
 */
export function addPayoutRoutes(api: Hono, options: { store: FlowStore; payouts: PayoutStore; strict: boolean }): void {
  const { store, payouts, strict } = options;
  api.post(
    '/payouts',
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => bodyTooLarge(c, MAX_BODY_BYTES) }),
    async (c) => {
      const read = await readJsonBody(c);
      if (!read.ok) return apiError(c, 400, 'invalid-input', 'The body is not valid JSON. Send a JSON object.');
      // From here on nothing awaits: the key, the balances and the move are one step.
      const result = validateCreatePayout(read.body, { strict, isKnownUser: (id) => store.getUser(id) !== undefined });
      if (!result.ok) return apiError(c, 400, 'invalid-input', result.message, result.field);
      const created = payouts.create(result.value);
      if (!created.ok) return apiError(c, 400, created.code, created.message, created.field);
      if (created.replayed) c.header(IDEMPOTENT_REPLAYED_HEADER, 'true');
      return c.json(toTransferObject(created.transfer), 201);
    },
  );
}
