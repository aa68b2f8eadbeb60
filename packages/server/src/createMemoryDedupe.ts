import { StoreError } from './StoreError.js';

/**
 * What a dedupe store found when a delivery arrived: `claimed` (new: process it), `processing`
 * (another delivery of the same message is running: answer non-2xx so Svix retries later) or `done`
 * (already processed: answer 200).
 */
export const WEBHOOK_CLAIMS = ['claimed', 'processing', 'done'] as const;
export type WebhookClaim = (typeof WEBHOOK_CLAIMS)[number];

/**
 * Remembers which webhook messages were handled, so a redelivery is not processed twice. `claim`
 * marks an id as being processed (for a while: a crashed process must not block Svix's retry for
 * ever) and says what it found; `complete` marks it done; `release` forgets it after a failure.
 * Older stores whose `claim` answers `true`/`false` (new / seen) still work.
 */
export interface WebhookDedupe {
  claim(id: string): WebhookClaim | boolean | Promise<WebhookClaim | boolean>;
  complete?(id: string): void | Promise<void>;
  release(id: string): void | Promise<void>;
}

/** Lifetimes shared by the in-memory and Redis dedupe stores. */
export interface DedupeTimings {
  /**
   * How long a claim holds while its handler runs. After that a crashed (or very slow) delivery no
   * longer blocks the next one. Default 120 000 ms (Svix's second retry comes after 5 minutes).
   */
  processingTtlMs?: number;
  /** How long a processed id is remembered. Default 72 h: Svix's retries span about 28 h. */
  doneTtlMs?: number;
}

export const DEFAULT_PROCESSING_TTL_MS = 120_000;
export const DEFAULT_DONE_TTL_MS = 72 * 3_600_000;

/** Reads and checks {@link DedupeTimings}; `who` names the caller in the error. */
export function resolveDedupeTimings(who: string, timings: DedupeTimings): Required<DedupeTimings> {
  const processingTtlMs = timings.processingTtlMs ?? DEFAULT_PROCESSING_TTL_MS;
  const doneTtlMs = timings.doneTtlMs ?? DEFAULT_DONE_TTL_MS;
  for (const [name, value] of [
    ['processingTtlMs', processingTtlMs],
    ['doneTtlMs', doneTtlMs],
  ] as const) {
    if (!Number.isSafeInteger(value) || value <= 0) {
      throw new StoreError('invalid_options', `${who}: ${name} must be a positive whole number of milliseconds.`);
    }
  }
  return { processingTtlMs, doneTtlMs };
}

export interface MemoryDedupeOptions extends DedupeTimings {
  /** Most ids kept; the oldest go first. Default 10 000. */
  maxEntries?: number;
  /** The clock, in ms. Default `Date.now`. */
  now?: () => number;
}

/**
 * The default {@link WebhookDedupe}: the last `maxEntries` message ids of this process. Use a shared
 * store (`createRedisDedupe` from `@dots-flow/server/redis`) when several instances receive webhooks.
 */
export function createMemoryDedupe(options: number | MemoryDedupeOptions = {}): WebhookDedupe {
  const settings = typeof options === 'number' ? { maxEntries: options } : options;
  const maxEntries = settings.maxEntries ?? 10_000;
  if (!Number.isSafeInteger(maxEntries) || maxEntries <= 0) {
    throw new TypeError('createMemoryDedupe: maxEntries must be a positive whole number.');
  }
  const { processingTtlMs, doneTtlMs } = resolveDedupeTimings('createMemoryDedupe', settings);
  const now = settings.now ?? Date.now;
  let claims = 0;
  // `claim` numbers the live processing entry, so a release can tell it from a newer claim's.
  const entries = new Map<string, { state: 'processing' | 'done'; expiresAt: number; claim?: number }>();
  // Claims of each id not yet completed or released, oldest first: the "my claim" the Redis store keeps as a token.
  const outstanding = new Map<string, number[]>();
  return {
    claim(id) {
      const entry = entries.get(id);
      if (entry && entry.expiresAt > now()) return entry.state;
      entries.delete(id);
      claims += 1;
      entries.set(id, { state: 'processing', expiresAt: now() + processingTtlMs, claim: claims });
      // A Map iterates in insertion order: the first entry is the oldest.
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      const mine = outstanding.get(id) ?? [];
      outstanding.delete(id);
      outstanding.set(id, [...mine, claims]);
      // Bounded like the entries: work abandoned without complete or release must not pile up.
      if (outstanding.size > maxEntries) outstanding.delete(outstanding.keys().next().value as string);
      return 'claimed';
    },
    complete(id) {
      // Done is final: no release of any delivery still running (or abandoned) may undo it.
      outstanding.delete(id);
      entries.delete(id);
      entries.set(id, { state: 'done', expiresAt: now() + doneTtlMs });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
    release(id) {
      // A release is the oldest outstanding claim's: only the first delivery's claim can have expired and been
      // taken over. It removes that claim only while it is still the live entry, like the Redis store's
      // compare-and-delete, so a late release never frees a newer claim (which would let a third delivery run
      // alongside it) nor forgets "done". Were the newer delivery the one failing, its claim just expires.
      const pending = outstanding.get(id);
      const mine = pending?.shift();
      if (pending?.length === 0) outstanding.delete(id);
      if (mine !== undefined && entries.get(id)?.claim === mine) entries.delete(id);
    },
  };
}
