// `@dots-flow/server/redis`: the shared stores for hosts that run several instances. It imports no Redis
// client: pass your own connected node-redis client, so hosts without Redis install nothing.
export { createRedisDedupe, createRedisIdempotencyKeyStore } from './redisStores.js';
export type { RedisCommandClient, RedisStoreOptions } from './redisStores.js';
