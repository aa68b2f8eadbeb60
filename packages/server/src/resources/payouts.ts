import { DotsApiError } from '../DotsApiError.js';
import { isUuid } from '../dotsIds.js';
import type { IdRule } from '../dotsIds.js';
import { isRecord, own } from '../ownFields.js';
import type { DotsCall, DotsCallOptions } from './dotsCall.js';
import { parseDotsObject } from './parseDotsObject.js';
import type { DotsTransfer } from './transfers.js';

/** The spec's `platform` values of `POST /v2/payouts`; `default` pays to the user's default payout method. */
export const DOTS_PAYOUT_PLATFORMS = ['paypal', 'venmo', 'ach', 'bank_transfer', 'cash_app', 'default'] as const;
export type DotsPayoutPlatform = (typeof DOTS_PAYOUT_PLATFORMS)[number];

/** Who pays a payout's fee (spec `payout_fee_party`). */
export const DOTS_FEE_PARTIES = ['user', 'platform'] as const;
export type DotsFeeParty = (typeof DOTS_FEE_PARTIES)[number];

/** `POST /v2/payouts` (spec schema `payout-create-request`). */
export interface CreatePayoutRequest {
  user_id: string;
  /** Whole cents, more than 0. */
  amount: number;
  /** `default` pays to the method the user saved in a `manage-payouts` flow. */
  platform: DotsPayoutPlatform;
  /** The bank account to pay (required by Dots for `ach` and `intl_bank`). */
  account_id?: string;
  /** Move the amount from your app's wallet to the user first, then pay it out. */
  fund?: boolean;
  /** Only with `fund: true`. */
  tax_exempt?: boolean;
  /**
   * A UUID that makes the payout happen once however often it is sent. Generated when left out and
   * reused on the client's own retries; pass your own (stored with the order) to survive restarts.
   */
  idempotency_key?: string;
  metadata?: string | Record<string, unknown>;
  payout_fee_party?: DotsFeeParty;
}

/** Dots' payouts API (spec `/v2/payouts`): a payout is a transfer of type `payout`, read with `transfers`. */
export interface PayoutsResource {
  /** `POST /v2/payouts`: pays a user from their wallet (or your app's, with `fund`), once per `idempotency_key`. */
  create(request: CreatePayoutRequest, options?: DotsCallOptions): Promise<DotsTransfer>;
}

function checkCreatePayout(request: unknown, ids: IdRule): Record<string, unknown> {
  const fail = (message: string) => new DotsApiError('invalid_request', `payouts.create: ${message}`);
  if (!isRecord(request)) throw fail('request must be an object: { user_id, amount, platform }.');
  const userId = own(request, 'user_id');
  if (!ids.test(userId)) throw fail(`user_id must be a user id: ${ids.describe}.`);
  const amount = own(request, 'amount');
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0) {
    throw fail('amount must be a whole number of cents, more than 0.');
  }
  const platform = own(request, 'platform');
  if (!(DOTS_PAYOUT_PLATFORMS as readonly unknown[]).includes(platform)) {
    throw fail(`platform must be one of ${DOTS_PAYOUT_PLATFORMS.join(', ')} ('default': the user's default method).`);
  }
  const key = own(request, 'idempotency_key') ?? crypto.randomUUID();
  if (!isUuid(key)) throw fail('idempotency_key must be a UUID (e.g. crypto.randomUUID()), or left out.');
  const body: Record<string, unknown> = { user_id: userId, amount, platform, idempotency_key: key };
  const accountId = own(request, 'account_id');
  if (accountId !== undefined) {
    if (!isUuid(accountId)) throw fail('account_id must be a UUID.');
    body.account_id = accountId;
  }
  for (const flag of ['fund', 'tax_exempt'] as const) {
    const value = own(request, flag);
    if (value === undefined) continue;
    if (typeof value !== 'boolean') throw fail(`${flag} must be true or false.`);
    body[flag] = value;
  }
  if (body.tax_exempt === true && body.fund !== true) throw fail('tax_exempt can be true only with fund: true.');
  const metadata = own(request, 'metadata');
  if (metadata !== undefined) {
    if (typeof metadata !== 'string' && !isRecord(metadata)) throw fail('metadata must be a string or an object.');
    body.metadata = metadata;
  }
  const feeParty = own(request, 'payout_fee_party');
  if (feeParty !== undefined) {
    if (!(DOTS_FEE_PARTIES as readonly unknown[]).includes(feeParty))
      throw fail("payout_fee_party must be 'user' or 'platform'.");
    body.payout_fee_party = feeParty;
  }
  return body;
}

/** The payouts resource over one client's authenticated `call`. */
export function createPayoutsResource(call: DotsCall, ids: IdRule): PayoutsResource {
  return {
    async create(request, options) {
      // The key is fixed here, before the first attempt, so every retry of this call carries the same one.
      const body = checkCreatePayout(request, ids);
      const value = await call({
        method: 'POST',
        path: '/v2/payouts',
        body,
        idempotent: true,
        signal: options?.signal,
      });
      return parseDotsObject<DotsTransfer>(value, 'transfer', 'POST /v2/payouts');
    },
  };
}
