import { randomUUID } from 'node:crypto';
import { startSandbox } from '@dots-flow/sandbox';
import { describe, expect, it } from 'vitest';
import { createDotsClient } from '../createDotsClient.js';
import * as server from '../index.js';
import { readmeSnippet, runReadmeSnippet } from '../testing/readmeSnippets.js';
import { startLossyProxy } from '../testing/startLossyProxy.js';
import { BOB, dotsApiFailure, moneySandbox } from '../testing/moneySandboxFixture.js';

// The kit's users and transfers against the real sandbox over loopback; nothing mocked.
const CLIENT_ID = 'money_client';
const API_KEY = 'money_key_51c2';

const money = moneySandbox({ clientId: CLIENT_ID, apiKey: API_KEY }, 100_000);
const failure = dotsApiFailure;

describe('users', () => {
  it('creates, retrieves, verifies and lists users page by page', async () => {
    const fresh = await startSandbox({ port: 0, clientId: CLIENT_ID, apiKey: API_KEY });
    try {
      const client = createDotsClient({ clientId: CLIENT_ID, apiKey: API_KEY, baseUrl: fresh.url });
      const made = [];
      for (let i = 0; i < 5; i += 1) made.push(await client.users.create({ ...BOB, metadata: { n: String(i) } }));
      expect(made[0]).toMatchObject({ status: 'unverified', wallet: { amount: 0 }, metadata: { n: '0' } });
      expect(await client.users.retrieve(made[0]!.id)).toEqual(made[0]);
      await client.users.sendVerificationToken(made[0]!.id);
      await client.users.sendVerificationToken(made[0]!.id, { use_voice: true });
      const wrong = await failure(client.users.verify(made[0]!.id, '000000'));
      expect(wrong.status).toBe(400);
      await client.users.verify(made[0]!.id, '123456');
      expect((await client.users.retrieve(made[0]!.id)).status).toBe('verified');
      const first = await client.users.list({ limit: 2 });
      expect(first).toMatchObject({ has_more: true });
      const all = await client.users.list({ limit: 2 }).autoPagingToArray({ limit: 100 });
      expect(all.map((u) => u.id)).toEqual(made.map((u) => u.id).reverse());
      const verified = await client.users.list({ status: 'verified' });
      expect(verified.data.map((u) => u.id)).toEqual([made[0]!.id]);
    } finally {
      await fresh.close();
    }
  });

  it.each([
    ['a missing email', () => money.dots.users.create({ ...BOB, email: undefined as unknown as string })],
    ['a "+1" country code', () => money.dots.users.create({ ...BOB, country_code: '+1' })],
    ['a null request', () => money.dots.users.create(null as never)],
    ['array metadata', () => money.dots.users.create({ ...BOB, metadata: [] as never })],
    ['a path-traversal id', () => money.dots.users.retrieve('../flows')],
    ['a short token', () => money.dots.users.verify(randomUUID(), '12')],
    [
      'a non-boolean use_voice',
      () => money.dots.users.sendVerificationToken(randomUUID(), { use_voice: 'yes' as never }),
    ],
    ['an unknown list parameter', () => money.dots.users.list({ stauts: 'verified' } as never)],
    ['an unknown status', () => money.dots.users.list({ status: 'banned' as never })],
    ['a limit of 0', () => money.dots.users.list({ limit: 0 })],
  ])('refuses %s before sending anything', async (_name, run) => {
    const error = await failure(
      Promise.resolve().then(async () => {
        await run();
      }),
    );
    expect(error.code).toBe('invalid_request');
    expect(error.message.length).toBeGreaterThan(20);
  });

  it('reports a user Dots does not know as not_found', async () => {
    expect((await failure(money.dots.users.retrieve(randomUUID()))).code).toBe('not_found');
  });
});

describe('transfers', () => {
  it('pays a user, charges them back, and reads and lists the transfers', async () => {
    const user = await money.dots.users.create(BOB);
    const paid = await money.dots.transfers.create({ amount: -1500, user_id: user.id, metadata: { order: '9' } });
    expect(paid).toMatchObject({ amount: -1500, type: 'balance', status: 'completed', user_id: user.id });
    const charged = await money.dots.transfers.create({ amount: 500, user_id: user.id });
    expect((await money.dots.users.retrieve(user.id)).wallet.amount).toBe(1000);
    expect(await money.dots.transfers.retrieve(paid.id)).toEqual(paid);
    const listed = await money.dots.transfers.list({ user_id: user.id, limit: 1 }).autoPagingToArray({ limit: 10 });
    expect(listed.map((t) => t.id)).toEqual([charged.id, paid.id]);
    const oldestFirst = await money.dots.transfers.list({ user_id: user.id, reverse_order: true });
    expect(oldestFirst.data.map((t) => t.id)).toEqual([paid.id, charged.id]);
    expect((await money.dots.transfers.list({ user_id: user.id, type: 'payment' })).data.map((t) => t.id)).toEqual([
      charged.id,
    ]);
  });

  it('surfaces transaction-insufficient-funds and moves nothing', async () => {
    const user = await money.dots.users.create(BOB);
    const error = await failure(money.dots.transfers.create({ amount: 1, user_id: user.id }));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/holds 0 cents/);
    expect((await money.dots.users.retrieve(user.id)).wallet.amount).toBe(0);
  });

  it("sends the caller's idempotency key, and one of its own otherwise", async () => {
    const user = await money.dots.users.create(BOB);
    const key = randomUUID();
    const a = await money.dots.transfers.create({ amount: -100, user_id: user.id, idempotency_key: key });
    const b = await money.dots.transfers.create({ amount: -100, user_id: user.id, idempotency_key: key });
    expect(b.id).toBe(a.id);
    const c = await money.dots.transfers.create({ amount: -100, user_id: user.id });
    const d = await money.dots.transfers.create({ amount: -100, user_id: user.id });
    expect(new Set([a.id, c.id, d.id]).size).toBe(3);
    expect((await money.dots.users.retrieve(user.id)).wallet.amount).toBe(300);
  });

  it.each([
    ['a zero amount', { amount: 0 }],
    ['a fractional amount', { amount: -1.5 }],
    ['a string amount', { amount: '-100' }],
    ['a bad user id', { user_id: 'x/../y' }],
    ['a non-UUID idempotency key', { idempotency_key: 'order-1' }],
    ['a numeric tax_exempt', { tax_exempt: 1 }],
    ['array metadata', { metadata: [1] }],
  ])('refuses %s before sending anything', async (_name, change) => {
    const request = { amount: -100, user_id: randomUUID(), ...change } as never;
    expect((await failure(money.dots.transfers.create(request))).code).toBe('invalid_request');
  });

  it.each([
    ['a bad start_date', { start_date: 'yesterday' }],
    ['a string reverse_order', { reverse_order: 'true' }],
    ['a bad user_id', { user_id: '../x' }],
    ['an empty type', { type: '' }],
  ])('refuses a list with %s', async (_name, params) => {
    expect((await failure(money.dots.transfers.list(params as never))).code).toBe('invalid_request');
  });
});

describe("the kit's own retries", () => {
  it('reuse the generated idempotency key when the first answer is lost: the money moves once', async () => {
    const user = await money.dots.users.create(BOB);
    const proxy = await startLossyProxy(money.sandbox.url, 2);
    try {
      const client = createDotsClient({ clientId: CLIENT_ID, apiKey: API_KEY, baseUrl: proxy.url, retries: 3 });
      const transfer = await client.transfers.create({ amount: -2500, user_id: user.id });
      const posts = proxy.seen.map((body) => JSON.parse(body) as { idempotency_key: string });
      expect(posts).toHaveLength(3);
      expect(new Set(posts.map((p) => p.idempotency_key)).size).toBe(1);
      expect(transfer.amount).toBe(-2500);
      expect((await money.dots.users.retrieve(user.id)).wallet.amount).toBe(2500);
      const transfers = await money.dots.transfers.list({ user_id: user.id });
      expect(transfers.data.map((t) => t.id)).toEqual([transfer.id]);
      console.log(
        `[money figures] kit: ${posts.length} POST attempts (first ${posts.length - 1} answers dropped), ${posts.length - 1} duplicates answered from the key, 1 transfer, wallet moved 2500 cents once`,
      );
    } finally {
      await proxy.close();
    }
  });
});

describe('the README', () => {
  it('runs "Users and transfers" against the sandbox as written', async () => {
    const logged: unknown[][] = [];
    const result = (await runReadmeSnippet(readmeSnippet('amount: -2500, user_id: user.id'), server, {
      dots: money.dots,
      console: { log: (...args: unknown[]) => void logged.push(args) },
    })) as { user: { id: string }; transfer: { id: string }; wallet: number };
    expect(result.wallet).toBe(2500);
    expect((await money.dots.users.retrieve(result.user.id)).status).toBe('verified');
    expect(logged).toEqual([[result.transfer.id, -2500, 2500]]);
  });
});
