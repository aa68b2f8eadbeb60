import { fail, isRecord, own, readMetadata, unknownField } from './bodyFields.js';
import type { Validation } from './bodyFields.js';
import { isUuid } from './uuid.js';

/** The body fields of `POST /v2/transfers` in Dots' spec. */
export const CREATE_TRANSFER_FIELDS = ['amount', 'user_id', 'tax_exempt', 'idempotency_key', 'metadata'];

/** Largest amount in cents one transfer may move; Dots documents none (a guess that keeps sums exact). */
export const MAX_TRANSFER_CENTS = 100_000_000_00;

export interface ValidCreateTransfer {
  /** Cents; negative moves money from the app to the user, positive from the user to the app. */
  amountCents: number;
  userId: string;
  taxExempt: boolean | null;
  idempotencyKey: string | null;
  metadata: string | Record<string, unknown> | null;
}

/** Checks a `POST /v2/transfers` body as Dots' spec types it (`amount` and `user_id` required). */
export function validateCreateTransfer(
  body: unknown,
  rules: { strict: boolean; isKnownUser: (id: string) => boolean },
): Validation<ValidCreateTransfer> {
  if (!isRecord(body)) {
    return fail('The body must be a JSON object like {"amount": -1000, "user_id": "<user uuid>"}.', null);
  }
  const extra = rules.strict ? unknownField(body, CREATE_TRANSFER_FIELDS) : undefined;
  if (extra !== undefined) {
    return fail(`Unknown field "${extra}" (strict mode). Fields: ${CREATE_TRANSFER_FIELDS.join(', ')}.`, extra);
  }
  const amount = own(body, 'amount');
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount === 0) {
    return fail(
      '`amount` is required: a whole, non-zero number of cents (negative pays the user from the app wallet, positive charges the user).',
      'amount',
    );
  }
  if (Math.abs(amount) > MAX_TRANSFER_CENTS) {
    return fail(`\`amount\` must be at most ${MAX_TRANSFER_CENTS} cents either way.`, 'amount');
  }
  const userId = own(body, 'user_id');
  if (!isUuid(userId)) return fail('`user_id` is required: the id (a UUID) of a user of this app.', 'user_id');
  if (!rules.isKnownUser(userId)) {
    return fail(`No user "${userId}" in this sandbox. Create one with POST /v2/users first.`, 'user_id');
  }
  const taxExempt = own(body, 'tax_exempt') ?? null;
  if (taxExempt !== null && typeof taxExempt !== 'boolean') {
    return fail('`tax_exempt` must be true, false or null.', 'tax_exempt');
  }
  const key = own(body, 'idempotency_key') ?? null;
  if (key !== null && !isUuid(key)) {
    return fail(
      '`idempotency_key` must be a UUID you generate per transfer (e.g. crypto.randomUUID()).',
      'idempotency_key',
    );
  }
  const metadata = readMetadata(own(body, 'metadata'));
  if (!metadata) return fail('`metadata` must be a string, a JSON object or null.', 'metadata');
  return { ok: true, value: { amountCents: amount, userId, taxExempt, idempotencyKey: key, metadata: metadata.value } };
}
