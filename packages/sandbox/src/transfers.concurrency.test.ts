import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, createUser, walletOf } from './test-support/moneyApi.js';
import type { TransferAnswer } from './test-support/moneyApi.js';
import { startSandbox } from './startSandbox.js';
import type { Sandbox } from './startSandbox.js';
import { IDEMPOTENT_REPLAYED_HEADER } from './transferRoutes.js';

// Figures for the issue note: printed once, asserted exactly.
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, appBalance: 10_000 });
});
afterAll(() => sandbox.close());

describe('concurrent money requests', () => {
  it('20 parallel POSTs with one idempotency key make one transfer and move the money once', async () => {
    const user = await createUser(sandbox.url);
    const key = randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        callApi(sandbox.url, 'POST', '/transfers', { amount: -700, user_id: user.id, idempotency_key: key }),
      ),
    );
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as TransferAnswer[];
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
    const replayed = responses.filter((r) => r.headers.get(IDEMPOTENT_REPLAYED_HEADER) === 'true').length;
    expect(replayed).toBe(19);
    expect(await walletOf(sandbox.url, user.id)).toBe(700);
    const list = (await (await callApi(sandbox.url, 'GET', `/transfers?user_id=${user.id}`)).json()) as {
      data: TransferAnswer[];
    };
    expect(list.data).toHaveLength(1);
    console.log(
      `[money figures] sandbox: 20 requests, ${replayed} duplicates answered with the first transfer, 1 transfer, wallet moved 700 cents once`,
    );
  });

  it('no balance goes negative under a concurrent overspend from the app and from a user', async () => {
    const users = await Promise.all(Array.from({ length: 4 }, () => createUser(sandbox.url)));
    // 40 payouts of 500 against the app's remaining 9,300: at most 18 can succeed.
    const payouts = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        callApi(sandbox.url, 'POST', '/transfers', { amount: -500, user_id: users[i % 4]!.id }),
      ),
    );
    const paid = payouts.filter((r) => r.status === 200).length;
    const refused = payouts.filter((r) => r.status === 400).length;
    expect(paid).toBe(18);
    expect(refused).toBe(22);
    const wallets = await Promise.all(users.map((u) => walletOf(sandbox.url, u.id)));
    expect(wallets.reduce((sum, cents) => sum + cents, 0)).toBe(18 * 500);
    // Now one user tries to pay back twice what they hold, in parallel.
    const richest = users[wallets.indexOf(Math.max(...wallets))]!;
    const held = Math.max(...wallets);
    const charges = await Promise.all(
      Array.from({ length: 2 * (held / 500) }, () =>
        callApi(sandbox.url, 'POST', '/transfers', { amount: 500, user_id: richest.id }),
      ),
    );
    expect(charges.filter((r) => r.status === 200)).toHaveLength(held / 500);
    expect(await walletOf(sandbox.url, richest.id)).toBe(0);
    await Promise.all(charges.map((r) => r.body?.cancel()));
    console.log(
      `[money figures] overspend: 40 payouts tried against 9300 cents, ${paid} paid, ${refused} refused; ${charges.length} charges tried, ${held / 500} went through; no wallet below 0`,
    );
  });
});
