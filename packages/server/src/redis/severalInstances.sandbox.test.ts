import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSandbox } from '@dots-flow/sandbox';
import type { Sandbox } from '@dots-flow/sandbox';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDotsClient } from '../createDotsClient.js';
import type { DotsClient } from '../createDotsClient.js';
import { createIdempotencyKeys } from '../createIdempotencyKeys.js';
import { createWebhookHandler } from '../createWebhookHandler.js';
import type { DotsTransfer } from '../resources/transfers.js';
import { startRedisServer } from '../testing/startRedisServer.js';
import type { RedisServer } from '../testing/startRedisServer.js';
import { createRedisDedupe, createRedisIdempotencyKeyStore } from './index.js';

// Two backend instances of a host, sharing one real redis-server, in front of the real sandbox: both try
// to "pay gig 42" at once (and retry), and both receive the sandbox's signed transfer.completed webhook at
// once (and again). Money moves once; the webhook is processed once, read back through the Dots client.
const CLIENT_ID = 'instances_client';
const API_KEY = 'instances_key_77';
const SECRET = 'whsec_' + Buffer.from('several-instances-webhook-key!!').toString('base64');

let redis: RedisServer;
let sandbox: Sandbox;
let receiver: Server;
const clients: { quit(): Promise<unknown> }[] = [];
let onDelivery: (request: Request) => void = () => undefined;

beforeAll(async () => {
  redis = await startRedisServer();
  // The sandbox delivers to one URL; the test hands each delivery to both instances, as a load balancer
  // handing Svix's retries to different instances would.
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
      onDelivery(
        new Request('http://host.test/api/dots/webhooks', { method: 'POST', headers, body: Buffer.concat(chunks) }),
      );
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  sandbox = await startSandbox({
    port: 0,
    clientId: CLIENT_ID,
    apiKey: API_KEY,
    appBalance: 10_000,
    webhookUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`,
    webhookSecret: SECRET,
    webhookRetryDelaysMs: [],
  });
}, 20_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => client.quit().catch(() => undefined)));
  await sandbox?.close();
  receiver?.closeAllConnections();
  await new Promise((resolve) => receiver?.close(resolve));
  await redis?.close();
});

/** One backend instance: its own Dots client, its own Redis connection, its own webhook handler. */
async function startInstance(name: string, processed: string[]) {
  const redisClient = createClient({ url: redis.url });
  await redisClient.connect();
  clients.push(redisClient);
  const dots = createDotsClient({ clientId: CLIENT_ID, apiKey: API_KEY, baseUrl: sandbox.url });
  const keys = createIdempotencyKeys({ store: createRedisIdempotencyKeyStore({ client: redisClient }) });
  const webhooks = createWebhookHandler({
    secret: SECRET,
    client: dots,
    dedupe: createRedisDedupe({ client: redisClient }),
    onTransferCompleted: async (event, { client }) => {
      const transfer = await client.transfers.retrieve(event.payload.transfer_id); // the real state
      await new Promise((resolve) => setTimeout(resolve, 30)); // still running when the twin arrives
      processed.push(`${name} ${transfer.id} ${transfer.status} ${transfer.amount}`);
    },
  });
  /** "Pay gig 42": the host's operation, with one key however often and wherever it runs. */
  const payGig = async (userId: string): Promise<DotsTransfer> =>
    dots.transfers.create({ amount: -2500, user_id: userId, idempotency_key: await keys.keyFor('pay-gig-42') });
  return { dots, webhooks, payGig };
}

describe('several instances sharing Redis, against the sandbox', () => {
  it('pay gig 42 from two instances at once and again: one transfer, one webhook processed', async () => {
    const processed: string[] = [];
    const a = await startInstance('a', processed);
    const b = await startInstance('b', processed);
    const user = await a.dots.users.create({
      first_name: 'Gig',
      last_name: 'Worker',
      email: 'gig@example.com',
      country_code: '1',
      phone_number: '4155550142',
    });
    const delivered = new Promise<Request>((resolve) => (onDelivery = resolve));

    // 8 attempts, 4 per instance, all at once: what retries after timeouts and a double click look like.
    const attempts = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? b : a).payGig(user.id)));
    const transferIds = new Set(attempts.map((transfer) => transfer.id));
    expect(transferIds.size).toBe(1);
    // And a retry after the fact, from each instance.
    expect((await a.payGig(user.id)).id).toBe(attempts[0]!.id);
    expect((await b.payGig(user.id)).id).toBe(attempts[0]!.id);
    expect((await a.dots.users.retrieve(user.id)).wallet.amount).toBe(2500);
    const listed = await a.dots.transfers.list({ user_id: user.id }).autoPagingToArray({ limit: 100 });
    expect(listed.map((transfer) => transfer.id)).toEqual([attempts[0]!.id]);

    // The sandbox signed one transfer.completed; both instances get it at once, then again.
    const request = await delivered;
    const body = await request.text();
    const copy = () => new Request(request.url, { method: 'POST', headers: request.headers, body });
    const concurrent = await Promise.all([a.webhooks(copy()), b.webhooks(copy())]);
    expect(concurrent.map((response) => response.status).sort()).toEqual([200, 409]);
    const replays = await Promise.all([a.webhooks(copy()), b.webhooks(copy()), a.webhooks(copy())]);
    for (const replay of replays) expect(await replay.json()).toEqual({ received: true, duplicate: true });
    expect(processed).toHaveLength(1);
    expect(processed[0]).toMatch(new RegExp(` ${attempts[0]!.id} completed -2500$`));
    console.log(
      `[figures] several instances: 10 transfer requests (8 concurrent over 2 instances + 2 retries) → ` +
        `${transferIds.size} transfer, wallet ${(await b.dots.users.retrieve(user.id)).wallet.amount} cents; ` +
        `1 sandbox webhook delivered 5 times to 2 instances → ${processed.length} processed, 1 refused in progress, 3 duplicates`,
    );
  });

  it('without a shared key store, two instances pay twice: the store is what makes it once', async () => {
    const user = await createDotsClient({ clientId: CLIENT_ID, apiKey: API_KEY, baseUrl: sandbox.url }).users.create({
      first_name: 'Control',
      last_name: 'Case',
      email: 'control@example.com',
      country_code: '1',
      phone_number: '4155550143',
    });
    const instances = [1, 2].map(() => ({
      dots: createDotsClient({ clientId: CLIENT_ID, apiKey: API_KEY, baseUrl: sandbox.url }),
      keys: createIdempotencyKeys(), // in memory: each instance has its own
    }));
    const paid = await Promise.all(
      instances.map(async ({ dots, keys }) =>
        dots.transfers.create({ amount: -100, user_id: user.id, idempotency_key: await keys.keyFor('pay-gig-7') }),
      ),
    );
    expect(new Set(paid.map((transfer) => transfer.id)).size).toBe(2);
    const dots: DotsClient = instances[0]!.dots;
    expect((await dots.users.retrieve(user.id)).wallet.amount).toBe(200);
  });
});
