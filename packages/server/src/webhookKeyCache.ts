import { importWebhookKey } from './webhookHmac.js';
import type { WebhookKey } from './webhookHmac.js';
import { decodeWebhookSecret } from './webhookSecret.js';

/**
 * Secrets whose keys `verifyWebhook` keeps. A server verifies with one secret, or a few during a
 * rotation; more than this and the least recently used key is imported again when next needed.
 */
export const WEBHOOK_KEY_CACHE_LIMIT = 8;

/** Imported HMAC keys by exact secret string, least recently used first out. */
export interface WebhookKeyCache {
  /** The key for `secret`, imported once; rejects with `invalid_secret` like `importWebhookSecret`. */
  key(secret: unknown): Promise<WebhookKey>;
  /** How many secrets have a key kept now. */
  readonly size: number;
  /** Forgets every key (tests switching between node:crypto and WebCrypto keys). */
  clear(): void;
}

/**
 * A bounded cache of imported webhook keys. Importing a key (WebCrypto's above all) costs more than
 * the HMAC itself, so `verifyWebhook` (given the secret string on every call) keeps the last few here.
 */
export function createWebhookKeyCache(limit: number = WEBHOOK_KEY_CACHE_LIMIT): WebhookKeyCache {
  if (!Number.isSafeInteger(limit) || limit <= 0) {
    throw new TypeError('createWebhookKeyCache: limit must be a positive whole number.');
  }
  // Keyed by the exact string: two secrets never share an entry, however alike they decode.
  const keys = new Map<string, Promise<WebhookKey>>();
  return {
    key(secret) {
      const cached = typeof secret === 'string' ? keys.get(secret) : undefined;
      if (cached !== undefined) {
        // Re-insert: a Map iterates in insertion order, so the first entry is the least recently used.
        keys.delete(secret as string);
        keys.set(secret as string, cached);
        return cached;
      }
      let bytes: Uint8Array;
      try {
        // Checked before anything is kept: a bad secret gets its typed error and takes no slot.
        bytes = decodeWebhookSecret(secret);
      } catch (error) {
        return Promise.reject(error);
      }
      const imported = importWebhookKey(bytes);
      // The promise is kept, so concurrent first calls share one import.
      keys.set(secret as string, imported);
      if (keys.size > limit) keys.delete(keys.keys().next().value as string);
      // A failed import is not remembered: the next call tries again.
      imported.catch(() => {
        if (keys.get(secret as string) === imported) keys.delete(secret as string);
      });
      return imported;
    },
    get size() {
      return keys.size;
    },
    clear() {
      keys.clear();
    },
  };
}

/** The cache `verifyWebhook` uses. */
export const webhookKeys = createWebhookKeyCache();
