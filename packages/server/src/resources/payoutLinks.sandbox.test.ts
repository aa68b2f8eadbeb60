import { randomUUID } from 'node:crypto';
import { startSandbox } from '@dots-flow/sandbox';
import { describe, expect, it } from 'vitest';
import { createDotsClient } from '../createDotsClient.js';
import { startLossyProxy } from '../testing/startLossyProxy.js';
import { dotsApiFailure, moneySandbox } from '../testing/moneySandboxFixture.js';

// The kit's Payout Links against the real sandbox over loopback; nothing mocked.
const CLIENT_ID = 'link_client';
const API_KEY = 'link_key_2b9e';

const money = moneySandbox({ clientId: CLIENT_ID, apiKey: API_KEY }, 50_000);
const failure = dotsApiFailure;

/** What the payee does on the link's flow page: onboard with the test phone and code. */
async function onboardOnPage(flowId: string) {
  const response = await fetch(`${money.sandbox.url}/flow/${flowId}/steps/onboarding`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ fields: { phone: '+1 415 555 0100', code: '123456' } }),
  });
  expect(response.status).toBe(200);
}

describe('payoutLinks', () => {
  it('creates a link whose flow onboards the payee, who claims it; retrieve shows the claim', async () => {
    const link = await money.dots.payoutLinks.create({ amount: 2500, memo: 'For March', metadata: { invoice: 'A-1' } });
    expect(link).toMatchObject({ amount: 2500, status: 'delivered', claimed_user_id: null, memo: 'For March' });
    const flow = await money.dots.flows.retrieve(link.flow_id);
    expect(flow.payout_link_id).toBe(link.id);
    expect(link.link).toBe(flow.link);
    await onboardOnPage(link.flow_id);
    const claimed = await money.dots.payoutLinks.retrieve(link.id);
    const userId = (await money.dots.flows.retrieve(link.flow_id)).user_id;
    expect(claimed).toMatchObject({ status: 'claimed', claimed_user_id: userId });
    expect(await money.dots.transfers.retrieve(claimed.transfer_id!)).toMatchObject({
      amount: -2500,
      payout_link_id: link.id,
    });
    expect((await money.dots.users.retrieve(userId!)).wallet.amount).toBe(2500);
  });

  it('lists every link page by page, forwards and backwards', async () => {
    const fresh = await startSandbox({ port: 0, clientId: CLIENT_ID, apiKey: API_KEY });
    try {
      const client = createDotsClient({ clientId: CLIENT_ID, apiKey: API_KEY, baseUrl: fresh.url });
      const made = [];
      for (let i = 1; i <= 5; i += 1) made.push(await client.payoutLinks.create({ amount: i * 100 }));
      const newestFirst = made.map((l) => l.id).reverse();
      const first = await client.payoutLinks.list({ limit: 2 });
      expect(first.has_more).toBe(true);
      expect(first.data.map((l) => l.id)).toEqual(newestFirst.slice(0, 2));
      const all: string[] = [];
      for await (const link of client.payoutLinks.list({ limit: 2 })) all.push(link.id);
      expect(all).toEqual(newestFirst);
      const back = await client.payoutLinks
        .list({ limit: 2, ending_before: newestFirst[4] })
        .autoPagingToArray({ limit: 10 });
      expect(back.map((l) => l.id)).toEqual(newestFirst.slice(0, 4).reverse());
    } finally {
      await fresh.close();
    }
  });

  it('waits for funds (funds_pending), cancels, and redelivers', async () => {
    const poor = await startSandbox({ port: 0, clientId: CLIENT_ID, apiKey: API_KEY, appBalance: 1000 });
    try {
      const client = createDotsClient({ clientId: CLIENT_ID, apiKey: API_KEY, baseUrl: poor.url });
      const funded = await client.payoutLinks.create({ amount: 1000 });
      const waiting = await client.payoutLinks.create({ amount: 800 });
      expect([funded.status, waiting.status]).toEqual(['delivered', 'funds_pending']);
      expect(await client.payoutLinks.redeliver(funded.id)).toMatchObject({
        redelivered: true,
        payout_link: { id: funded.id },
      });
      expect((await client.payoutLinks.cancel(funded.id)).status).toBe('canceled');
      // The canceled link's money went back and funded the waiting one.
      expect((await client.payoutLinks.retrieve(waiting.id)).status).toBe('delivered');
      const again = await failure(client.payoutLinks.cancel(funded.id));
      expect(again.status).toBe(409);
      expect((await client.payoutLinks.redeliver(funded.id)).redelivered).toBe(false);
      expect((await failure(client.payoutLinks.retrieve(randomUUID()))).code).toBe('not_found');
    } finally {
      await poor.close();
    }
  });

  it('makes one link for 20 concurrent creates with one key, and one across its own retries', async () => {
    const key = randomUUID();
    const links = await Promise.all(
      Array.from({ length: 20 }, () => money.dots.payoutLinks.create({ amount: 300, idempotency_key: key })),
    );
    expect(new Set(links.map((l) => l.id)).size).toBe(1);
    const proxy = await startLossyProxy(money.sandbox.url, 1);
    try {
      const client = createDotsClient({ clientId: CLIENT_ID, apiKey: API_KEY, baseUrl: proxy.url, retries: 2 });
      const link = await client.payoutLinks.create({ amount: 400 });
      const posts = proxy.seen.map((body) => JSON.parse(body) as { idempotency_key: string });
      expect(posts).toHaveLength(2);
      expect(posts[1]!.idempotency_key).toBe(posts[0]!.idempotency_key);
      const all = await money.dots.payoutLinks.list({ limit: 100 });
      expect(all.data.filter((l) => l.amount === 400).map((l) => l.id)).toEqual([link.id]);
      expect(all.data.filter((l) => l.amount === 300)).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });

  it.each([
    ['no amount', () => money.dots.payoutLinks.create({} as never)],
    ['a fractional amount', () => money.dots.payoutLinks.create({ amount: 1.5 })],
    ['an unknown field', () => money.dots.payoutLinks.create({ amount: 100, amout: 1 } as never)],
    ['a string payee', () => money.dots.payoutLinks.create({ amount: 100, payee: 'Bob' as never })],
    ['a non-UUID key', () => money.dots.payoutLinks.create({ amount: 100, idempotency_key: 'x' })],
    ['a bad fee party', () => money.dots.payoutLinks.create({ amount: 100, payout_fee_party: 'app' as never })],
    [
      'steps that are not a list',
      () => money.dots.payoutLinks.create({ amount: 100, additional_steps: 'payout' as never }),
    ],
    ['a path-traversal id', () => money.dots.payoutLinks.retrieve('../flows')],
    ['an empty id to cancel', () => money.dots.payoutLinks.cancel('')],
    ['a list limit of 0', () => money.dots.payoutLinks.list({ limit: 0 })],
    ['both cursors', () => money.dots.payoutLinks.list({ starting_after: randomUUID(), ending_before: randomUUID() })],
  ])('refuses %s before sending anything', async (_name, run) => {
    const error = await failure(
      Promise.resolve().then(async () => {
        await run();
      }),
    );
    expect(error.code).toBe('invalid_request');
    expect(error.message.length).toBeGreaterThan(20);
  });

  it('reports what the sandbox refuses (a step it does not know) with its message', async () => {
    const error = await failure(
      money.dots.payoutLinks.create({ amount: 100, additional_steps: ['teleport' as never] }),
    );
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/additional_steps\[0\]/);
  });
});
