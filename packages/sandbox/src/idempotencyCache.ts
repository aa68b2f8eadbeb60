/** How long an idempotency key is remembered: 24 h, as `docs/references/idempotency.mdx` says. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface IdempotencyCache<T> {
  /** The value first stored under `key`, while the key is younger than the window. */
  get(key: string): T | undefined;
  remember(key: string, value: T): void;
}

/**
 * Keys of one kind of request (transfers, payouts, payout links) and what their first request made.
 * Callers check and store in the same synchronous step as the money move, so concurrent duplicates
 * cannot both pass the check.
 */
export function createIdempotencyCache<T>(now: () => number, windowMs = IDEMPOTENCY_WINDOW_MS): IdempotencyCache<T> {
  const keys = new Map<string, { value: T; expiresMs: number }>();
  const forgetExpired = (at: number) => {
    // Insertion order is expiry order: stop at the first live key.
    for (const [key, entry] of keys) {
      if (entry.expiresMs > at) break;
      keys.delete(key);
    }
  };
  return {
    get(key) {
      forgetExpired(now());
      return keys.get(key)?.value;
    },
    remember(key, value) {
      keys.set(key, { value, expiresMs: now() + windowMs });
    },
  };
}
