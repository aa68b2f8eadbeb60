/**
 * Remembers which webhook messages were handled, so a redelivery is answered without being
 * processed twice. `claim` marks an id and says whether it was new; `release` forgets it again
 * when processing failed, so Svix's retry gets processed.
 */
export interface WebhookDedupe {
  claim(id: string): boolean | Promise<boolean>;
  release(id: string): void | Promise<void>;
}

/**
 * The default {@link WebhookDedupe}: the last `maxEntries` message ids of this process.
 * Use a shared store (a database unique key, Redis `SET NX`) when several instances receive webhooks.
 */
export function createMemoryDedupe(maxEntries = 10_000): WebhookDedupe {
  if (!Number.isSafeInteger(maxEntries) || maxEntries <= 0) {
    throw new TypeError('createMemoryDedupe: maxEntries must be a positive whole number.');
  }
  const seen = new Set<string>();
  return {
    claim(id) {
      if (seen.has(id)) return false;
      seen.add(id);
      // A Set iterates in insertion order: the first entry is the oldest.
      if (seen.size > maxEntries) seen.delete(seen.values().next().value as string);
      return true;
    },
    release(id) {
      seen.delete(id);
    },
  };
}
