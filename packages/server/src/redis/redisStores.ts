import { resolveDedupeTimings } from '../createMemoryDedupe.js';
import type { DedupeTimings, WebhookClaim, WebhookDedupe } from '../createMemoryDedupe.js';
import type { IdempotencyKeyStore } from '../createIdempotencyKeys.js';
import { StoreError } from '../StoreError.js';

/**
 * The one method the stores need of a Redis client: node-redis's `sendCommand` (`createClient()` from
 * `redis` fits as it is). For ioredis: `{ sendCommand: ([name, ...args]) => ioredis.call(name, ...args) }`.
 */
export interface RedisCommandClient {
  sendCommand(args: string[]): Promise<unknown>;
}

export interface RedisStoreOptions {
  /** A connected client (`await createClient({ url }).connect()`). */
  client: RedisCommandClient;
  /** Prepended to every key, so several apps can share a Redis. Default `dots-flow:`. */
  prefix?: string;
}

// Deletes the claim only while it is still this delivery's: never a later delivery's claim, never "done".
const RELEASE_IF_OWNER = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

function resolveStore(
  who: string,
  options: RedisStoreOptions,
): { send: (args: string[]) => Promise<unknown>; prefix: string } {
  if (typeof options?.client?.sendCommand !== 'function') {
    throw new StoreError(
      'invalid_options',
      `${who}: client must be a connected node-redis client (createClient() from "redis").`,
    );
  }
  const prefix = options.prefix ?? 'dots-flow:';
  if (typeof prefix !== 'string' || !/^[\x21-\x7e]{0,100}$/.test(prefix)) {
    throw new StoreError('invalid_options', `${who}: prefix must be up to 100 printable characters without spaces.`);
  }
  const { client } = options;
  const send = async (args: string[]) => {
    try {
      return await client.sendCommand(args);
    } catch (error) {
      throw new StoreError('store_unavailable', `${who}: Redis failed (${args[0]}); check the connection.`, {
        cause: error,
      });
    }
  };
  return { send, prefix };
}

/**
 * A {@link WebhookDedupe} in Redis, shared by every instance: `SET NX PX` claims a message id
 * atomically for `processingTtlMs`, so of concurrent deliveries exactly one runs; success marks it
 * `done` for `doneTtlMs`; a failure (or a crash, once the claim expires) lets Svix's retry through.
 */
export function createRedisDedupe(options: RedisStoreOptions & DedupeTimings): WebhookDedupe {
  const { send, prefix } = resolveStore('createRedisDedupe', options);
  const { processingTtlMs, doneTtlMs } = resolveDedupeTimings('createRedisDedupe', options);
  const keyOf = (id: string) => `${prefix}webhook:${id}`;
  // This instance's claims of each id not yet completed or released, oldest first, so it releases only its own
  // (two of one id when a slow delivery's claim expired and this instance took it over).
  const tokens = new Map<string, string[]>();
  return {
    async claim(id) {
      // A claim may expire between SET and GET; a few turns settle it.
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const token = `processing:${crypto.randomUUID()}`;
        const set = await send(['SET', keyOf(id), token, 'NX', 'PX', String(processingTtlMs)]);
        if (set === 'OK') {
          tokens.set(id, [...(tokens.get(id) ?? []), token]);
          return 'claimed';
        }
        const value = await send(['GET', keyOf(id)]);
        if (value === 'done') return 'done';
        if (typeof value === 'string' && value.startsWith('processing:')) return 'processing';
        if (value !== null)
          throw new StoreError('store_unavailable', `createRedisDedupe: ${keyOf(id)} holds an unknown value.`);
      }
      return 'processing' satisfies WebhookClaim;
    },
    async complete(id) {
      tokens.delete(id);
      await send(['SET', keyOf(id), 'done', 'PX', String(doneTtlMs)]);
    },
    async release(id) {
      // The oldest claim's: only the first delivery's claim can have expired and been taken over. Were the newer
      // delivery the one failing, its claim stays until it expires: a later retry, never a second run alongside.
      const pending = tokens.get(id);
      const token = pending?.shift();
      if (pending?.length === 0) tokens.delete(id);
      if (token !== undefined) await send(['EVAL', RELEASE_IF_OWNER, '1', keyOf(id), token]);
    },
  };
}

/**
 * An {@link IdempotencyKeyStore} in Redis: `SET NX PX` stores the first instance's key, and every
 * instance reads back that one, so one operation gets one Dots `idempotency_key` everywhere.
 */
export function createRedisIdempotencyKeyStore(options: RedisStoreOptions): IdempotencyKeyStore {
  const { send, prefix } = resolveStore('createRedisIdempotencyKeyStore', options);
  const keyOf = (name: string) => `${prefix}idempotency:${name}`;
  return {
    async putIfAbsent(name, key, ttlMs) {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const set = await send(['SET', keyOf(name), key, 'NX', 'PX', String(ttlMs)]);
        if (set === 'OK') return key;
        const stored = await send(['GET', keyOf(name)]);
        if (typeof stored === 'string') return stored;
        // Expired between SET and GET: try again.
      }
      throw new StoreError('store_unavailable', 'createRedisIdempotencyKeyStore: could not store or read the key.');
    },
  };
}
