import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDotsClient } from '../createDotsClient.js';
import { createIdempotencyKeys } from '../createIdempotencyKeys.js';
import { createWebhookHandler } from '../createWebhookHandler.js';
import { signTestWebhook } from '../signTestWebhook.js';
import { StoreError } from '../StoreError.js';
import { startRedisServer } from '../testing/startRedisServer.js';
import type { RedisServer } from '../testing/startRedisServer.js';
import { createRedisDedupe, createRedisIdempotencyKeyStore } from './index.js';
import type { RedisCommandClient } from './index.js';

// The Redis stores against a real redis-server (the Debian package), started here on 127.0.0.1.
// Each "instance" has its own client connection, as separate processes would.
const SECRET = 'whsec_' + Buffer.alloc(24, 7).toString('base64');
let redis: RedisServer;
const clients: { isOpen: boolean; quit(): Promise<unknown> }[] = [];

/** A node-redis client, as a host would create it: the stores take it as it is. */
async function connect() {
  const client = createClient({ url: redis.url });
  client.on('error', () => undefined); // reconnect noise after the server is stopped in a test
  await client.connect();
  clients.push(client);
  return client;
}

beforeAll(async () => {
  redis = await startRedisServer();
}, 20_000);
afterAll(async () => {
  await Promise.all(clients.map((client) => (client.isOpen ? client.quit().catch(() => undefined) : undefined)));
  await redis?.close();
});

const noCalls = createDotsClient({
  clientId: 'c',
  apiKey: 'k',
  baseUrl: 'http://127.0.0.1:9',
  fetch: () => Promise.reject(new Error('no call expected')),
});

function transferEvent() {
  const id = randomUUID();
  return { transfer: { id, status: 'completed', amount: -100, user_id: randomUUID() }, transfer_id: id };
}

describe('createRedisDedupe (real redis-server)', () => {
  it('two instances sharing Redis: 20 concurrent deliveries of one message run the handler once, replays too', async () => {
    const prefix = `t1:${randomUUID()}:`;
    let runs = 0;
    const instances = await Promise.all(
      [1, 2].map(async () =>
        createWebhookHandler({
          secret: SECRET,
          client: noCalls,
          dedupe: createRedisDedupe({ client: await connect(), prefix }),
          onTransferCompleted: async () => {
            runs += 1;
            await new Promise((resolve) => setTimeout(resolve, 50)); // still running while the others arrive
          },
        }),
      ),
    );
    const { body, headers } = await signTestWebhook(transferEvent(), SECRET, { id: 'msg_shared' });
    const deliver = (index: number) =>
      instances[index % 2]!(new Request('http://app.test/webhooks', { method: 'POST', headers, body }));

    const concurrent = await Promise.all(Array.from({ length: 20 }, (_, index) => deliver(index)));
    const statuses = concurrent.map((response) => response.status).sort();
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(19);
    expect(runs).toBe(1);

    const replays = await Promise.all(Array.from({ length: 10 }, (_, index) => deliver(index)));
    for (const replay of replays) expect(await replay.json()).toEqual({ received: true, duplicate: true });
    expect(runs).toBe(1);
    console.log(
      `[figures] dedupe: 20 concurrent + 10 replayed deliveries of one message over 2 instances → ` +
        `${runs} run, 19 refused in progress (409), 10 answered duplicate`,
    );
  });

  it('a failed handler lets the retry through on the other instance; a crashed one once its claim expires', async () => {
    const prefix = `t2:${randomUUID()}:`;
    const log: string[] = [];
    const a = createWebhookHandler({
      secret: SECRET,
      client: noCalls,
      dedupe: createRedisDedupe({ client: await connect(), prefix, processingTtlMs: 300 }),
      onTransferCompleted: () => {
        log.push('a');
        throw new Error('a crashed mid-way');
      },
      onError: () => undefined,
    });
    const b = createWebhookHandler({
      secret: SECRET,
      client: noCalls,
      dedupe: createRedisDedupe({ client: await connect(), prefix, processingTtlMs: 300 }),
      onTransferCompleted: () => void log.push('b'),
    });
    const signed = await signTestWebhook(transferEvent(), SECRET, { id: 'msg_retry' });
    const request = () => new Request('http://app.test/webhooks', { method: 'POST', ...signed });
    expect((await a(request())).status).toBe(500);
    expect((await b(request())).status).toBe(200);
    expect((await a(request())).status).toBe(200); // done: a does not run again
    expect(log).toEqual(['a', 'b']);

    // A process that claimed and died: no release, no completion.
    const dead = createRedisDedupe({ client: await connect(), prefix, processingTtlMs: 300 });
    expect(await dead.claim('msg_crash')).toBe('claimed');
    const crashed = await signTestWebhook(transferEvent(), SECRET, { id: 'msg_crash' });
    const again = () => b(new Request('http://app.test/webhooks', { method: 'POST', ...crashed }));
    expect((await again()).status).toBe(409);
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect((await again()).status).toBe(200);
    expect(log).toEqual(['a', 'b', 'b']);
  });

  it('releases only its own claim: an expired claim taken over by another instance stays', async () => {
    const prefix = `t3:${randomUUID()}:`;
    const one = createRedisDedupe({ client: await connect(), prefix, processingTtlMs: 100 });
    const two = createRedisDedupe({ client: await connect(), prefix, processingTtlMs: 60_000 });
    expect(await one.claim('m')).toBe('claimed');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await two.claim('m')).toBe('claimed');
    await one.release('m');
    expect(await one.claim('m')).toBe('processing');
    await two.complete?.('m');
    await one.release('m');
    expect(await one.claim('m')).toBe('done');
    const raw = await connect();
    const ttl = Number(await raw.sendCommand(['PTTL', `${prefix}webhook:m`]));
    expect(ttl).toBeGreaterThan(71 * 3_600_000);
    expect(ttl).toBeLessThanOrEqual(72 * 3_600_000);
  });

  it('releases only its own claim within one instance too: a late release after its own takeover', async () => {
    const prefix = `t4:${randomUUID()}:`;
    const one = createRedisDedupe({ client: await connect(), prefix, processingTtlMs: 300 });
    expect(await one.claim('m')).toBe('claimed'); // delivery 1, slow
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(await one.claim('m')).toBe('claimed'); // delivery 2, same instance, takes over the expired claim
    await one.release('m'); // delivery 1 fails late
    expect(await one.claim('m')).toBe('processing');
    await one.release('m'); // delivery 2 fails too: now the retry gets through
    expect(await one.claim('m')).toBe('claimed');
  });

  it('answers 503 when Redis is gone, and refuses unusable options', async () => {
    const broken: RedisCommandClient = { sendCommand: () => Promise.reject(new Error('ECONNREFUSED')) };
    const errors: unknown[] = [];
    const handler = createWebhookHandler({
      secret: SECRET,
      client: noCalls,
      dedupe: createRedisDedupe({ client: broken }),
      onEvent: () => undefined,
      onError: (error) => void errors.push(error),
    });
    const signed = await signTestWebhook(transferEvent(), SECRET);
    const response = await handler(new Request('http://app.test/webhooks', { method: 'POST', ...signed }));
    expect(response.status).toBe(503);
    expect(errors[0]).toBeInstanceOf(StoreError);
    expect((errors[0] as StoreError).code).toBe('store_unavailable');

    const odd: RedisCommandClient = { sendCommand: async () => 'surprise' };
    await expect(createRedisDedupe({ client: odd }).claim('x')).rejects.toMatchObject({ code: 'store_unavailable' });
    for (const options of [
      {},
      { client: {} },
      { client: broken, prefix: 'has space' },
      { client: broken, prefix: 7 },
    ]) {
      expect(() => createRedisDedupe(options as never)).toThrow(StoreError);
      expect(() => createRedisIdempotencyKeyStore(options as never)).toThrow(StoreError);
    }
    expect(() => createRedisDedupe({ client: broken, processingTtlMs: 0 })).toThrow(/processingTtlMs/);
    expect(() => createRedisDedupe({ client: broken, doneTtlMs: 1.5 })).toThrow(/doneTtlMs/);
  });
});

describe('createRedisIdempotencyKeyStore (real redis-server)', () => {
  it('gives every instance the same key for one operation, for 24 h, and different keys to different ones', async () => {
    const prefix = `t4:${randomUUID()}:`;
    const instances = await Promise.all(
      [1, 2, 3].map(async () =>
        createIdempotencyKeys({ store: createRedisIdempotencyKeyStore({ client: await connect(), prefix }) }),
      ),
    );
    const keys = await Promise.all(
      Array.from({ length: 30 }, (_, index) => instances[index % 3]!.keyFor('pay-gig-42')),
    );
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(await instances[0]!.keyFor('pay-gig-43')).not.toBe(keys[0]);
    const raw = await connect();
    const ttl = Number(await raw.sendCommand(['PTTL', `${prefix}idempotency:pay-gig-42`]));
    expect(ttl).toBeGreaterThan(23.9 * 3_600_000);
    expect(ttl).toBeLessThanOrEqual(24 * 3_600_000);
  });

  it('refuses unusable operation ids, and fails loudly when Redis does', async () => {
    const keys = createIdempotencyKeys({ store: createRedisIdempotencyKeyStore({ client: await connect() }) });
    for (const bad of ['', 'has space', 'new\nline', 'x'.repeat(201), 42, null]) {
      await expect(keys.keyFor(bad as never)).rejects.toMatchObject({ code: 'invalid_operation_id' });
    }
    const down = createIdempotencyKeys({
      store: createRedisIdempotencyKeyStore({ client: { sendCommand: () => Promise.reject(new Error('down')) } }),
    });
    await expect(down.keyFor('pay-gig-1')).rejects.toMatchObject({ name: 'StoreError', code: 'store_unavailable' });
  });
});
