import { fail, isRecord, own, readMetadata, unknownField } from './bodyFields.js';
import type { Validation } from './bodyFields.js';
import type { FeeParty } from './transferStore.js';
import { isUuid } from './uuid.js';
import { MAX_TRANSFER_CENTS } from './validateCreateTransfer.js';

/** The body fields of `POST /v2/payouts` (spec schema `payout-create-request`). */
export const CREATE_PAYOUT_FIELDS = [
  'user_id',
  'amount',
  'platform',
  'account_id',
  'fund',
  'tax_exempt',
  'idempotency_key',
  'metadata',
  'payout_fee_party',
];

/** The spec's `platform` values; `default` pays to the user's default payout method. */
export const PAYOUT_PLATFORMS = ['paypal', 'venmo', 'ach', 'bank_transfer', 'cash_app', 'default'] as const;
export type PayoutPlatform = (typeof PAYOUT_PLATFORMS)[number];

export const FEE_PARTIES = ['user', 'platform'] as const;

export interface ValidCreatePayout {
  userId: string;
  amountCents: number;
  platform: PayoutPlatform;
  accountId: string | null;
  fund: boolean;
  taxExempt: boolean | null;
  idempotencyKey: string | null;
  metadata: string | Record<string, unknown> | null;
  feeParty: FeeParty | null;
}

/** Checks a `POST /v2/payouts` body as the spec types it (`user_id`, `amount`, `platform` required). */
export function validateCreatePayout(
  body: unknown,
  rules: { strict: boolean; isKnownUser: (id: string) => boolean },
): Validation<ValidCreatePayout> {
  if (!isRecord(body)) {
    return fail(
      'The body must be a JSON object like {"user_id": "<uuid>", "amount": 1000, "platform": "default"}.',
      null,
    );
  }
  const extra = rules.strict ? unknownField(body, CREATE_PAYOUT_FIELDS) : undefined;
  if (extra !== undefined) {
    return fail(`Unknown field "${extra}" (strict mode). Fields: ${CREATE_PAYOUT_FIELDS.join(', ')}.`, extra);
  }
  const userId = own(body, 'user_id');
  if (!isUuid(userId)) return fail('`user_id` is required: the id (a UUID) of the user to pay out.', 'user_id');
  if (!rules.isKnownUser(userId)) {
    return fail(`No user "${userId}" in this sandbox. Create one with POST /v2/users first.`, 'user_id');
  }
  const amount = own(body, 'amount');
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0 || amount > MAX_TRANSFER_CENTS) {
    return fail(`\`amount\` is required: whole cents from 1 to ${MAX_TRANSFER_CENTS}.`, 'amount');
  }
  const platform = own(body, 'platform');
  if (!(PAYOUT_PLATFORMS as readonly unknown[]).includes(platform)) {
    return fail(
      `\`platform\` is required: one of ${PAYOUT_PLATFORMS.join(', ')} (\`default\` pays to the user's default payout method).`,
      'platform',
    );
  }
  const accountId = own(body, 'account_id') ?? null;
  if (accountId !== null && !isUuid(accountId)) return fail('`account_id` must be a UUID.', 'account_id');
  const fund = own(body, 'fund') ?? false;
  if (typeof fund !== 'boolean') return fail('`fund` must be true or false.', 'fund');
  const taxExempt = own(body, 'tax_exempt') ?? null;
  if (taxExempt !== null && typeof taxExempt !== 'boolean')
    return fail('`tax_exempt` must be true or false.', 'tax_exempt');
  if (taxExempt === true && !fund) {
    return fail('`tax_exempt` can be true only with `fund: true` (spec).', 'tax_exempt');
  }
  const key = own(body, 'idempotency_key') ?? null;
  if (key !== null && !isUuid(key)) {
    return fail(
      '`idempotency_key` must be a UUID you generate per payout (e.g. crypto.randomUUID()).',
      'idempotency_key',
    );
  }
  const metadata = readMetadata(own(body, 'metadata'));
  if (!metadata) return fail('`metadata` must be a string or a JSON object.', 'metadata');
  const feeParty = own(body, 'payout_fee_party') ?? null;
  if (feeParty !== null && !(FEE_PARTIES as readonly unknown[]).includes(feeParty)) {
    return fail('`payout_fee_party` must be "user" or "platform".', 'payout_fee_party');
  }
  return {
    ok: true,
    value: {
      userId,
      amountCents: amount,
      platform: platform as PayoutPlatform,
      accountId,
      fund,
      taxExempt,
      idempotencyKey: key,
      metadata: metadata.value,
      feeParty: feeParty as FeeParty | null,
    },
  };
}
