import { StoreError } from './StoreError.js';

/**
 * Where operation ids are mapped to Dots `idempotency_key`s. `putIfAbsent` stores `key` under `name`
 * for `ttlMs` unless a key is stored there already, and answers the stored key: atomic, so two
 * instances asking at once get the same answer.
 */
export interface IdempotencyKeyStore {
  putIfAbsent(name: string, key: string, ttlMs: number): string | Promise<string>;
}

/** One Dots `idempotency_key` per host operation, the same across retries, restarts and instances. */
export interface IdempotencyKeys {
  /**
   * The key for `operationId` (your own name for the payment, e.g. `pay-gig-42`): a new UUID the first
   * time, the same one for the next 24 h. Pass it as `idempotency_key` to `transfers.create`.
   */
  keyFor(operationId: string): Promise<string>;
}

export interface IdempotencyKeysOptions {
  /** Default: in this process's memory; `createRedisIdempotencyKeyStore` shares it across instances. */
  store?: IdempotencyKeyStore;
  /** How long a key is kept. Default 24 h, as long as Dots honours a key. */
  ttlMs?: number;
}

/** Dots honours an `idempotency_key` for 24 h (`docs/references/idempotency.mdx`). */
export const DOTS_IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
const OPERATION_ID = /^[\x21-\x7e]{1,200}$/;

/** The default {@link IdempotencyKeyStore}: this process only, expired keys dropped as they are met. */
export function createMemoryIdempotencyKeyStore(now: () => number = Date.now): IdempotencyKeyStore {
  const keys = new Map<string, { key: string; expiresAt: number }>();
  return {
    putIfAbsent(name, key, ttlMs) {
      const stored = keys.get(name);
      if (stored && stored.expiresAt > now()) return stored.key;
      // Forget what expired before adding, so the map only holds what is still honoured.
      for (const [old, entry] of keys) if (entry.expiresAt <= now()) keys.delete(old);
      keys.set(name, { key, expiresAt: now() + ttlMs });
      return key;
    },
  };
}

/**
 * Maps your operation ids to Dots idempotency keys, so "pay gig 42" moves money once however often
 * it is retried, on whichever instance.
 *
 * @example
 * const keys = createIdempotencyKeys({ store: createRedisIdempotencyKeyStore({ client: redis }) });
 * await dots.transfers.create({ amount: -2500, user_id, idempotency_key: await keys.keyFor('pay-gig-42') });
 */
export function createIdempotencyKeys(options: IdempotencyKeysOptions = {}): IdempotencyKeys {
  const store = options.store ?? createMemoryIdempotencyKeyStore();
  if (typeof store?.putIfAbsent !== 'function') {
    throw new StoreError('invalid_options', 'createIdempotencyKeys: store must have putIfAbsent(name, key, ttlMs).');
  }
  const ttlMs = options.ttlMs ?? DOTS_IDEMPOTENCY_TTL_MS;
  if (!Number.isSafeInteger(ttlMs) || ttlMs <= 0) {
    throw new StoreError(
      'invalid_options',
      'createIdempotencyKeys: ttlMs must be a positive whole number of milliseconds.',
    );
  }
  return {
    async keyFor(operationId) {
      if (typeof operationId !== 'string' || !OPERATION_ID.test(operationId)) {
        throw new StoreError(
          'invalid_operation_id',
          'keyFor: operationId must be 1 to 200 printable characters without spaces, e.g. "pay-gig-42".',
        );
      }
      const key = await store.putIfAbsent(operationId, crypto.randomUUID(), ttlMs);
      if (typeof key !== 'string' || key.length === 0) {
        throw new StoreError('store_unavailable', 'keyFor: the idempotency key store answered without a key.');
      }
      return key;
    },
  };
}
