import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from './startSandbox.js';
import type { Sandbox } from './startSandbox.js';
import { completeStepHttp } from './test-support/http.js';
import { callApi, createUser, errorOf, fundUser, setDefaultMethod, walletOf } from './test-support/moneyApi.js';
import { IDEMPOTENT_REPLAYED_HEADER } from './transferRoutes.js';

// Figures for the issue note: printed once, asserted exactly.
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, appBalance: 1_000_000 });
});
afterAll(() => sandbox.close());

async function readyUser(cents: number) {
  const user = await createUser(sandbox.url);
  await fundUser(sandbox.url, user.id, cents);
  await setDefaultMethod(sandbox.url, user.id);
  return user;
}

describe('concurrent payouts', () => {
  it('20 parallel POST /v2/payouts with one key make one payout and move the money once', async () => {
    const user = await readyUser(5000);
    const key = randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        callApi(sandbox.url, 'POST', '/payouts', {
          user_id: user.id,
          amount: 1500,
          platform: 'default',
          idempotency_key: key,
        }),
      ),
    );
    const ids = (await Promise.all(responses.map((r) => r.json()))) as { id: string }[];
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(ids.map((b) => b.id)).size).toBe(1);
    const replayed = responses.filter((r) => r.headers.get(IDEMPOTENT_REPLAYED_HEADER) === 'true').length;
    expect(replayed).toBe(19);
    expect(await walletOf(sandbox.url, user.id)).toBe(3500);
    const list = (await (await callApi(sandbox.url, 'GET', `/transfers?user_id=${user.id}&type=payout`)).json()) as {
      data: unknown[];
    };
    expect(list.data).toHaveLength(1);
    console.log(
      `[money figures] sandbox payouts: 20 requests with one key, ${replayed} duplicates answered with the first payout, 1 payout, wallet moved 1500 cents once`,
    );
  });

  it('30 parallel payouts of 500 against a wallet of 7000: exactly 14 paid, the rest refused, never below 0', async () => {
    const user = await readyUser(7000);
    const responses = await Promise.all(
      Array.from({ length: 30 }, () =>
        callApi(sandbox.url, 'POST', '/payouts', { user_id: user.id, amount: 500, platform: 'default' }),
      ),
    );
    const paid = responses.filter((r) => r.status === 201).length;
    const refused = responses.filter((r) => r.status === 400);
    expect(paid).toBe(14);
    expect(refused).toHaveLength(16);
    for (const response of refused) expect((await errorOf(response)).code).toBe('transaction-insufficient-funds');
    expect(await walletOf(sandbox.url, user.id)).toBe(0);
    console.log(
      `[money figures] payout overspend: 30 payouts tried against 7000 cents, ${paid} paid, 16 refused; wallet 0`,
    );
  });

  it("the flow page's payout step: 10 parallel withdrawals of $10 from $50 pay 5 and refuse 5", async () => {
    const user = await readyUser(5000);
    const flow = (await (
      await callApi(sandbox.url, 'POST', '/flows', {
        steps: [{ name: 'payout', hide_continue_button: true }],
        user_id: user.id,
      })
    ).json()) as { id: string };
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => completeStepHttp(sandbox.url, flow.id, 'payout', { amount: '10.00' })),
    );
    expect(responses.filter((r) => r.status === 200)).toHaveLength(5);
    expect(responses.filter((r) => r.status === 400)).toHaveLength(5);
    expect(await walletOf(sandbox.url, user.id)).toBe(0);
  });
});
