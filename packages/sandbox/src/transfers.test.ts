import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectApiError } from './test-support/expectApiError.js';
import { startWebhookReceiver } from './test-support/http.js';
import { callApi, createUser, walletOf } from './test-support/moneyApi.js';
import type { TransferAnswer } from './test-support/moneyApi.js';
import { isValidSvixSignature } from './test-support/verifySvix.js';
import { SANDBOX_DEFAULTS } from './defaults.js';
import { startSandbox } from './startSandbox.js';
import type { Sandbox } from './startSandbox.js';
import { IDEMPOTENT_REPLAYED_HEADER } from './transferRoutes.js';

let sandbox: Sandbox;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
  sandbox = await startSandbox({ port: 0, appBalance: 50_000, webhookUrl: receiver.url });
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});

const transfer = (body: unknown, url = sandbox.url) => callApi(url, 'POST', '/transfers', body);

describe('POST /v2/transfers', () => {
  it('pays a user from the app wallet (negative amount) and charges them back (positive)', async () => {
    const user = await createUser(sandbox.url);
    const paid = await transfer({ amount: -1000, user_id: user.id, metadata: { order: '7' } });
    expect(paid.status).toBe(200);
    const paidBody = (await paid.json()) as TransferAnswer;
    expect(paidBody).toMatchObject({ amount: -1000, type: 'balance', status: 'completed', user_id: user.id });
    expect(paidBody.transactions).toEqual([
      expect.objectContaining({
        amount: 1000,
        transfer_id: paidBody.id,
        source_name: 'app',
        destination_name: user.id,
      }),
    ]);
    expect(await walletOf(sandbox.url, user.id)).toBe(1000);
    const charged = (await (await transfer({ amount: 400, user_id: user.id })).json()) as TransferAnswer;
    expect(charged).toMatchObject({ amount: 400, type: 'payment' });
    expect(await walletOf(sandbox.url, user.id)).toBe(600);
    expect(await (await callApi(sandbox.url, 'GET', `/transfers/${paidBody.id}`)).json()).toEqual(paidBody);
  });

  it('refuses to move more than a wallet holds, leaving both wallets as they were', async () => {
    const rich = await startSandbox({ port: 0, appBalance: 500 });
    try {
      const user = await createUser(rich.url);
      const error = await expectApiError(
        await transfer({ amount: -501, user_id: user.id }, rich.url),
        400,
        'transaction-insufficient-funds',
      );
      expect(error.field).toBe('amount');
      expect((await transfer({ amount: -500, user_id: user.id }, rich.url)).status).toBe(200);
      await expectApiError(
        await transfer({ amount: -1, user_id: user.id }, rich.url),
        400,
        'transaction-insufficient-funds',
      );
      await expectApiError(
        await transfer({ amount: 501, user_id: user.id }, rich.url),
        400,
        'transaction-insufficient-funds',
      );
      expect(await walletOf(rich.url, user.id)).toBe(500);
    } finally {
      await rich.close();
    }
  });

  it.each([
    ['no amount', { amount: undefined }, 'amount'],
    ['a zero amount', { amount: 0 }, 'amount'],
    ['a fractional amount', { amount: -10.5 }, 'amount'],
    ['a string amount', { amount: '-1000' }, 'amount'],
    ['an amount past the cap', { amount: -1e16 }, 'amount'],
    ['no user_id', { user_id: undefined }, 'user_id'],
    ['a user_id that is not a UUID', { user_id: 'user_1' }, 'user_id'],
    ['an unknown user', { user_id: randomUUID() }, 'user_id'],
    ['a non-UUID idempotency key', { idempotency_key: 'retry-1' }, 'idempotency_key'],
    ['a string tax_exempt', { tax_exempt: 'no' }, 'tax_exempt'],
    ['numeric metadata', { metadata: 5 }, 'metadata'],
  ])('refuses %s', async (_name, change, field) => {
    const user = await createUser(sandbox.url);
    const body: Record<string, unknown> = { amount: -100, user_id: user.id, ...change };
    for (const [key, value] of Object.entries(change)) if (value === undefined) delete body[key];
    const error = await expectApiError(await transfer(body), 400, 'invalid-input');
    expect(error.field).toBe(field);
    expect(await walletOf(sandbox.url, user.id)).toBe(0);
  });

  it('refuses bodies that are not a JSON object', async () => {
    for (const body of ['', '{', '[]', 'null', '-1000']) {
      await expectApiError(await transfer(body), 400, 'invalid-input');
    }
  });

  it('sends a signed transfer.completed webhook with the transfer, once per transfer', async () => {
    const user = await createUser(sandbox.url);
    const key = randomUUID();
    const first = (await (
      await transfer({ amount: -250, user_id: user.id, idempotency_key: key })
    ).json()) as TransferAnswer;
    await transfer({ amount: -250, user_id: user.id, idempotency_key: key });
    await expect.poll(() => receiver.received.filter((hook) => hook.body.includes(first.id)).length).toBe(1);
    const hook = receiver.received.find((h) => h.body.includes(first.id));
    expect(isValidSvixSignature(hook!.headers, hook!.body, SANDBOX_DEFAULTS.webhookSecret)).toBe(true);
    expect(JSON.parse(hook!.body)).toEqual({ event: 'transfer.completed', transfer: first, transfer_id: first.id });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.received.filter((h) => h.body.includes(first.id))).toHaveLength(1);
  });
});

describe('idempotency_key', () => {
  it('answers a repeated key with the first transfer and moves the money once, even with another body', async () => {
    const user = await createUser(sandbox.url);
    const key = randomUUID();
    const first = await transfer({ amount: -300, user_id: user.id, idempotency_key: key });
    expect(first.headers.get(IDEMPOTENT_REPLAYED_HEADER)).toBeNull();
    const again = await transfer({ amount: -900, user_id: user.id, idempotency_key: key });
    expect(again.status).toBe(200);
    expect(again.headers.get(IDEMPOTENT_REPLAYED_HEADER)).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect(await walletOf(sandbox.url, user.id)).toBe(300);
  });

  it('forgets a key after 24 hours', async () => {
    let clock = Date.UTC(2030, 0, 1);
    const timed = await startSandbox({ port: 0, now: () => clock });
    try {
      const user = await createUser(timed.url);
      const key = randomUUID();
      const body = { amount: -100, user_id: user.id, idempotency_key: key };
      const a = (await (await transfer(body, timed.url)).json()) as TransferAnswer;
      clock += 24 * 60 * 60 * 1000 - 1;
      expect(((await (await transfer(body, timed.url)).json()) as TransferAnswer).id).toBe(a.id);
      clock += 1;
      expect(((await (await transfer(body, timed.url)).json()) as TransferAnswer).id).not.toBe(a.id);
      expect(await walletOf(timed.url, user.id)).toBe(200);
    } finally {
      await timed.close();
    }
  });

  it('does not remember a refused transfer: after funding, the same key goes through once', async () => {
    const user = await createUser(sandbox.url);
    const key = randomUUID();
    await expectApiError(
      await transfer({ amount: 100, user_id: user.id, idempotency_key: key }),
      400,
      'transaction-insufficient-funds',
    );
    await transfer({ amount: -100, user_id: user.id });
    expect((await transfer({ amount: 100, user_id: user.id, idempotency_key: key })).status).toBe(200);
    expect(
      (await transfer({ amount: 100, user_id: user.id, idempotency_key: key })).headers.get(IDEMPOTENT_REPLAYED_HEADER),
    ).toBe('true');
    expect(await walletOf(sandbox.url, user.id)).toBe(0);
  });
});

describe('GET /v2/transfers', () => {
  it('pages and filters by user, type, dates and order', async () => {
    let clock = Date.UTC(2030, 0, 1);
    const listed = await startSandbox({ port: 0, now: () => clock });
    try {
      const a = await createUser(listed.url);
      const b = await createUser(listed.url);
      const ids: string[] = [];
      for (const [user, amount] of [
        [a, -100],
        [b, -200],
        [a, 50],
        [a, -300],
      ] as const) {
        clock += 60_000;
        ids.push(((await (await transfer({ amount, user_id: user.id }, listed.url)).json()) as TransferAnswer).id);
      }
      const get = async (query: string) =>
        (await (await callApi(listed.url, 'GET', `/transfers${query}`)).json()) as {
          has_more: boolean;
          data: TransferAnswer[];
        };
      expect((await get('')).data.map((t) => t.id)).toEqual([...ids].reverse());
      expect((await get('?reverse_order=true')).data.map((t) => t.id)).toEqual(ids);
      expect((await get(`?user_id=${a.id}`)).data.map((t) => t.id)).toEqual([ids[3], ids[2], ids[0]]);
      expect((await get('?type=payment')).data.map((t) => t.id)).toEqual([ids[2]]);
      expect((await get('?status=failed')).data).toEqual([]);
      const start = new Date(Date.UTC(2030, 0, 1, 0, 2)).toISOString();
      const end = '2030-01-01T00:03:00';
      expect((await get(`?start_date=${start}&end_date=${end}`)).data.map((t) => t.id)).toEqual([ids[2], ids[1]]);
      const page = await get('?limit=3');
      expect(page.has_more).toBe(true);
      expect((await get(`?limit=3&starting_after=${page.data[2]!.id}`)).data.map((t) => t.id)).toEqual([ids[0]]);
    } finally {
      await listed.close();
    }
  });

  it.each([
    ['?limit=0', 'limit'],
    ['?user_id=x', 'user_id'],
    ['?reverse_order=yes', 'reverse_order'],
    ['?start_date=yesterday', 'start_date'],
    ['?end_date=2030-99-99T00:00:00Z', 'end_date'],
    [`?starting_after=${randomUUID()}`, 'starting_after'],
  ])('refuses %s', async (query, field) => {
    const error = await expectApiError(await callApi(sandbox.url, 'GET', `/transfers${query}`), 400, 'invalid-input');
    expect(error.field).toBe(field);
  });

  it('is a 404 for an unknown or malformed transfer id', async () => {
    for (const id of [randomUUID(), 'tr_1', '%2e%2e']) {
      await expectApiError(await callApi(sandbox.url, 'GET', `/transfers/${id}`), 404, 'not-found');
    }
  });
});
