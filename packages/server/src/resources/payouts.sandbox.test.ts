import { randomUUID } from 'node:crypto';
import { startSandbox } from '@dots-flow/sandbox';
import { describe, expect, it } from 'vitest';
import { createDotsClient } from '../createDotsClient.js';
import { startLossyProxy } from '../testing/startLossyProxy.js';
import { BOB, dotsApiFailure, moneySandbox } from '../testing/moneySandboxFixture.js';

// The kit's payouts against the real sandbox over loopback; nothing mocked.
const CLIENT_ID = 'payout_client';
const API_KEY = 'payout_key_7f3a';

const money = moneySandbox({ clientId: CLIENT_ID, apiKey: API_KEY }, 1_000_000);
const failure = dotsApiFailure;

/** A white-label user with `cents` and a default payout method saved through a `manage-payouts` flow page. */
async function payee(cents: number) {
  const user = await money.dots.users.create(BOB);
  await money.dots.users.verify(user.id, '123456');
  if (cents > 0) await money.dots.transfers.create({ amount: -cents, user_id: user.id });
  const flow = await money.dots.flows.create({ steps: ['manage-payouts'], user_id: user.id });
  // What the user does on the flow page: choose a default method and save.
  const saved = await fetch(`${money.sandbox.url}/flow/${flow.id}/steps/manage-payouts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ fields: { default_method: 'pm_paypal' } }),
  });
  expect(saved.status).toBe(200);
  return user;
}

describe('payouts.create', () => {
  it('pays out to the default method, readable as a transfer', async () => {
    const user = await payee(5000);
    const payout = await money.dots.payouts.create({ user_id: user.id, amount: 2000, platform: 'default' });
    expect(payout).toMatchObject({
      type: 'payout',
      amount: 2000,
      status: 'completed',
      external_data: { platform: 'paypal' },
    });
    expect((await money.dots.users.retrieve(user.id)).wallet.amount).toBe(3000);
    expect(await money.dots.transfers.retrieve(payout.id)).toEqual(payout);
    const listed = await money.dots.transfers.list({ user_id: user.id, type: 'payout' });
    expect(listed.data.map((t) => t.id)).toEqual([payout.id]);
  });

  it('funds and pays in one call with fund: true, and surfaces insufficient funds as a 400', async () => {
    const user = await payee(0);
    await money.dots.payouts.create({
      user_id: user.id,
      amount: 900,
      platform: 'default',
      fund: true,
      payout_fee_party: 'user',
    });
    expect((await money.dots.users.retrieve(user.id)).wallet.amount).toBe(0);
    const error = await failure(money.dots.payouts.create({ user_id: user.id, amount: 1, platform: 'default' }));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/holds 0 cents/);
  });

  it('moves money once for 20 concurrent duplicate creates with one key', async () => {
    const user = await payee(10_000);
    const key = randomUUID();
    let replayed = 0;
    const counting = createDotsClient({
      clientId: CLIENT_ID,
      apiKey: API_KEY,
      baseUrl: money.sandbox.url,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (response.headers.get('idempotent-replayed') === 'true') replayed += 1;
        return response;
      },
    });
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        counting.payouts.create({ user_id: user.id, amount: 700, platform: 'default', idempotency_key: key }),
      ),
    );
    expect(new Set(results.map((p) => p.id)).size).toBe(1);
    expect(replayed).toBe(19);
    expect((await money.dots.users.retrieve(user.id)).wallet.amount).toBe(10_000 - 700);
    expect((await money.dots.transfers.list({ user_id: user.id, type: 'payout' })).data).toHaveLength(1);
    console.log(
      `[money figures] kit payouts: 20 concurrent creates with one key, ${replayed} duplicates answered with the first payout, 1 payout, wallet moved 700 cents once`,
    );
  });

  it('reuses its generated key on its own retries when the answer is lost: one payout', async () => {
    const user = await payee(5000);
    const proxy = await startLossyProxy(money.sandbox.url, 2);
    try {
      const client = createDotsClient({ clientId: CLIENT_ID, apiKey: API_KEY, baseUrl: proxy.url, retries: 3 });
      const payout = await client.payouts.create({ user_id: user.id, amount: 1200, platform: 'default' });
      const posts = proxy.seen.map((body) => JSON.parse(body) as { idempotency_key: string });
      expect(posts).toHaveLength(3);
      expect(new Set(posts.map((p) => p.idempotency_key)).size).toBe(1);
      expect((await money.dots.users.retrieve(user.id)).wallet.amount).toBe(3800);
      expect((await money.dots.transfers.list({ user_id: user.id, type: 'payout' })).data.map((t) => t.id)).toEqual([
        payout.id,
      ]);
      console.log(
        `[money figures] kit payout retries: ${posts.length} POST attempts (first ${posts.length - 1} answers dropped), 1 payout, wallet moved 1200 cents once`,
      );
    } finally {
      await proxy.close();
    }
  });

  it('never resends users.create after a lost answer: one user, and the caller is told', async () => {
    const fresh = await startSandbox({ port: 0, clientId: CLIENT_ID, apiKey: API_KEY });
    const proxy = await startLossyProxy(fresh.url, 1);
    try {
      const client = createDotsClient({ clientId: CLIENT_ID, apiKey: API_KEY, baseUrl: proxy.url, retries: 3 });
      expect((await failure(client.users.create(BOB))).code).toBe('network');
      expect(proxy.seen).toHaveLength(1);
      const direct = createDotsClient({ clientId: CLIENT_ID, apiKey: API_KEY, baseUrl: fresh.url });
      expect((await direct.users.list()).data).toHaveLength(1);
    } finally {
      await proxy.close();
      await fresh.close();
    }
  });

  it.each([
    ['no request', undefined],
    ['a zero amount', { amount: 0 }],
    ['a negative amount', { amount: -5 }],
    ['a string amount', { amount: '100' }],
    ['an unknown platform', { platform: 'wire' }],
    ['a bad user id', { user_id: '../users' }],
    ['a non-UUID key', { idempotency_key: 'order-1' }],
    ['a bad fee party', { payout_fee_party: 'app' }],
    ['tax_exempt without fund', { tax_exempt: true }],
    ['a non-UUID account_id', { account_id: '123' }],
    ['array metadata', { metadata: [] }],
  ])('refuses %s before sending anything', async (_name, change) => {
    let sent = 0;
    const counting = createDotsClient({
      clientId: CLIENT_ID,
      apiKey: API_KEY,
      baseUrl: money.sandbox.url,
      fetch: (input, init) => {
        sent += 1;
        return fetch(input, init);
      },
    });
    const request =
      change === undefined ? undefined : { user_id: randomUUID(), amount: 100, platform: 'default', ...change };
    const error = await failure(counting.payouts.create(request as never));
    expect(error.code).toBe('invalid_request');
    expect(error.message).toMatch(/^payouts\.create: /);
    expect(sent).toBe(0);
  });
});
