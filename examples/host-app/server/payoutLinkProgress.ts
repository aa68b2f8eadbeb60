import type { DotsClient, DotsPayoutLink } from '@dots-flow/server';
import { payoutMethodName, payoutRail } from './walletHistory.js';

/** Where a Payout Link stands, in one word: Dots' status, or `paid_out` once the payee withdrew it. */
export type PayoutLinkStage = string;

export interface PayoutLinkProgress {
  link: DotsPayoutLink;
  /** The payee's withdrawal from the link's flow, found among the payee's payouts in Dots. */
  paidOut: { amountCents: number; payoutMethod: string | null } | null;
  stage: PayoutLinkStage;
}

/** Statuses after which the link's flow has nothing left for the payee to do. */
export const CLOSED_PAYOUT_LINK_STATUSES = ['canceled', 'expired', 'reversed', 'failed'] as const;

/**
 * Reads a Payout Link back from Dots and, once a payee claimed it, whether they withdrew it: Dots' link
 * status stays `claimed` after the payout, so the payee's `payout` transfers (with this `payout_link_id`) say.
 */
export async function readPayoutLinkProgress(
  client: Pick<DotsClient, 'transfers' | 'payoutLinks'>,
  idOrLink: string | DotsPayoutLink,
): Promise<PayoutLinkProgress> {
  const link = typeof idOrLink === 'string' ? await client.payoutLinks.retrieve(idOrLink) : idOrLink;
  let paidOut: PayoutLinkProgress['paidOut'] = null;
  if (link.claimed_user_id) {
    const payouts = await client.transfers.list({ user_id: link.claimed_user_id, type: 'payout', limit: 100 });
    const payout = payouts.data.find((transfer) => transfer.payout_link_id === link.id);
    if (payout) paidOut = { amountCents: Math.abs(payout.amount), payoutMethod: payoutMethodName(payoutRail(payout)) };
  }
  return { link, paidOut, stage: paidOut ? 'paid_out' : link.status };
}

/** A verified webhook body that is a Payout Link object (`payout_link.*` events carry the link itself). */
export function payoutLinkIdOf(payload: Record<string, unknown>): string | undefined {
  const { id, flow_id: flowId, amount, link } = payload;
  return typeof id === 'string' && typeof flowId === 'string' && typeof amount === 'number' && typeof link === 'string'
    ? id
    : undefined;
}
