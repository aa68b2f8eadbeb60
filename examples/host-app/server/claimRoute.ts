import type { Context } from 'hono';
import { DotsApiError, isUuid, type DotsClient } from '@dots-flow/server';
import { apiError } from './accountRoutes.js';
import { CLOSED_PAYOUT_LINK_STATUSES, readPayoutLinkProgress } from './payoutLinkProgress.js';

/**
 * `GET /api/payout-links/:id`: what the payee's page needs to embed a Payout Link's flow: the amount, the
 * status and the flow (read back from Dots), or where the money went once withdrawn. Like Dots' own link,
 * the (unguessable) id is the key: no Acme account needed.
 */
export function claimRoute(options: {
  client: Pick<DotsClient, 'flows' | 'transfers' | 'payoutLinks'>;
  log: (line: string) => void;
}) {
  const { client, log } = options;
  const notFound = (c: Context) =>
    apiError(c, 404, 'unknown_payout_link', 'This payment link is not valid. Check that you opened the whole link.');
  return async (c: Context) => {
    const id = c.req.param('id') ?? '';
    if (!isUuid(id)) return notFound(c);
    try {
      const { link, paidOut } = await readPayoutLinkProgress(client, id);
      const closed = (CLOSED_PAYOUT_LINK_STATUSES as readonly string[]).includes(link.status);
      const flow = paidOut || closed || !link.flow_id ? null : await client.flows.retrieve(link.flow_id);
      return c.json({ amountCents: link.amount, status: link.status, flow, paidOut });
    } catch (error) {
      if (error instanceof DotsApiError && error.code === 'not_found') return notFound(c);
      log(`[backend] reading Payout Link ${id} failed: ${String(error)}`);
      return apiError(c, 500, 'dots_unavailable', 'Could not load this payment just now. Try again in a moment.');
    }
  };
}
