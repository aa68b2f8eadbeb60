import type { DotsTransfer } from '@dots-flow/server';
import { gigById } from './gigs.js';

/** One line of a user's history, in the user's terms: `amountCents` > 0 came in, < 0 went out. */
export interface HistoryItem {
  id: string;
  created: string;
  amountCents: number;
  kind: 'gig' | 'payout' | 'transfer';
  description: string;
  status: DotsTransfer['status'];
  /** For a payout: where it went ("PayPal"), when Dots says. */
  payoutMethod?: string | null;
}

/** A metadata string field our backend wrote into a transfer (never a string metadata parsed for one). */
export function transferMetadata(transfer: Pick<DotsTransfer, 'metadata'>, key: string): string | undefined {
  const metadata: unknown = transfer.metadata;
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) return undefined;
  const value = Object.hasOwn(metadata, key) ? (metadata as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** The rail a payout went out on: Dots' transfer carries it as `external_data.platform` (spec schema `transfer`). */
export function payoutRail(transfer: DotsTransfer): string | null {
  return transfer.external_data?.platform ?? null;
}

const RAIL_NAMES: Record<string, string> = {
  ach: 'bank account',
  paypal: 'PayPal',
  venmo: 'Venmo',
  cash_app: 'Cash App',
  intl_bank: 'international bank account',
  airtm: 'AirTM',
  payoneer: 'Payoneer',
  crypto: 'crypto wallet',
};

/** A payout rail (`ach`, `paypal`, …) as a person says it; `null`: Dots did not say. */
export function payoutMethodName(rail: string | null | undefined): string | null {
  if (!rail) return null;
  return RAIL_NAMES[rail] ?? rail.replace(/_/g, ' ');
}

/** A Dots transfer of this user as a history line. */
export function toHistoryItem(transfer: DotsTransfer): HistoryItem {
  const cents = Math.abs(transfer.amount);
  const base = { id: transfer.id, created: transfer.created, status: transfer.status };
  if (transfer.type === 'payout') {
    const rail = payoutRail(transfer);
    const to = payoutMethodName(rail);
    return {
      ...base,
      amountCents: -cents,
      kind: 'payout',
      description: to ? `Withdrawal to ${to}` : 'Withdrawal',
      payoutMethod: to,
    };
  }
  const gig = gigById(transferMetadata(transfer, 'gig_id') ?? '');
  if (gig) return { ...base, amountCents: cents, kind: 'gig', description: `Gig: ${gig.title}` };
  if (transfer.payout_link_id) return { ...base, amountCents: cents, kind: 'transfer', description: 'Payout Link' };
  // Dots' sign convention: negative moved money from the app to the user.
  const toUser = transfer.amount < 0;
  return {
    ...base,
    amountCents: toUser ? cents : -cents,
    kind: 'transfer',
    description: toUser ? 'Payment from Acme Gigs' : 'Charge by Acme Gigs',
  };
}
