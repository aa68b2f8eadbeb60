import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAILING_BACKGROUND_CHECK_NAME } from '../page/stepRules.js';
import { SANDBOX_DEFAULTS } from './defaults.js';
import { PAYOUT_FEE_CENTS } from './payoutStore.js';
import { startSandbox } from './startSandbox.js';
import type { Sandbox } from './startSandbox.js';
import { completeStepHttp, startWebhookReceiver } from './test-support/http.js';
import { callApi, createUser, errorOf, fundUser, setDefaultMethod, walletOf } from './test-support/moneyApi.js';
import { isValidSvixSignature } from './test-support/verifySvix.js';
import { IDEMPOTENT_REPLAYED_HEADER } from './transferRoutes.js';

interface PayoutAnswer {
  id: string;
  type: string;
  amount: number;
  user_id: string;
  status: string;
  external_data: { platform: string };
  transactions: { type: string; amount: number; source_name: string; destination_name: string }[];
}

let sandbox: Sandbox;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
  sandbox = await startSandbox({ port: 0, appBalance: 1_000_000, webhookUrl: receiver.url });
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});

const payout = (body: unknown) => callApi(sandbox.url, 'POST', '/payouts', body);

/** A user with `cents` in their wallet and the bank as default payout method. */
async function readyUser(cents: number) {
  const user = await createUser(sandbox.url);
  if (cents > 0) await fundUser(sandbox.url, user.id, cents);
  await setDefaultMethod(sandbox.url, user.id, 'pm_bank');
  return user;
}

describe('POST /v2/payouts', () => {
  it('pays out from the wallet to the default method: 201 and a payout transfer, the fee paid by the platform', async () => {
    const user = await readyUser(5000);
    const response = await payout({ user_id: user.id, amount: 3000, platform: 'default', metadata: 'order=7' });
    expect(response.status).toBe(201);
    const body = (await response.json()) as PayoutAnswer;
    expect(body).toMatchObject({ type: 'payout', amount: 3000, user_id: user.id, status: 'completed' });
    expect(body.external_data).toEqual({ platform: 'ach' });
    expect(body.transactions.map((t) => [t.type, t.amount, t.source_name, t.destination_name])).toEqual([
      ['payout', 3000, user.id, 'ach'],
      ['fee', PAYOUT_FEE_CENTS, 'app', 'dots'],
    ]);
    expect(await walletOf(sandbox.url, user.id)).toBe(2000);
    // A payout is a transfer: readable where transfers are.
    const read = await callApi(sandbox.url, 'GET', `/transfers/${body.id}`);
    expect(await read.json()).toEqual(body);
    const list = (await (await callApi(sandbox.url, 'GET', `/transfers?user_id=${user.id}&type=payout`)).json()) as {
      data: { id: string }[];
    };
    expect(list.data.map((t) => t.id)).toEqual([body.id]);
  });

  it('takes the fee out of the payout when the user pays it, the wallet debited by the amount only', async () => {
    const user = await readyUser(5000);
    const body = (await (
      await payout({ user_id: user.id, amount: 2000, platform: 'paypal', payout_fee_party: 'user' })
    ).json()) as PayoutAnswer;
    expect(body.external_data.platform).toBe('paypal');
    expect(body.transactions.map((t) => [t.type, t.amount, t.source_name])).toEqual([
      ['payout', 2000 - PAYOUT_FEE_CENTS, user.id],
      ['fee', PAYOUT_FEE_CENTS, user.id],
    ]);
    expect(await walletOf(sandbox.url, user.id)).toBe(3000);
    const tooSmall = await payout({
      user_id: user.id,
      amount: PAYOUT_FEE_CENTS,
      platform: 'ach',
      payout_fee_party: 'user',
    });
    expect(tooSmall.status).toBe(400);
    expect(await errorOf(tooSmall)).toMatchObject({ code: 'invalid-input', field: 'amount' });
  });

  it('funds the user from the app wallet first with fund: true (a balance transfer, then the payout)', async () => {
    const user = await readyUser(0);
    const response = await payout({
      user_id: user.id,
      amount: 1500,
      platform: 'default',
      fund: true,
      tax_exempt: true,
    });
    expect(response.status).toBe(201);
    expect(await walletOf(sandbox.url, user.id)).toBe(0);
    const list = (await (await callApi(sandbox.url, 'GET', `/transfers?user_id=${user.id}`)).json()) as {
      data: { type: string; amount: number }[];
    };
    expect(list.data.map((t) => [t.type, t.amount])).toEqual([
      ['payout', 1500],
      ['balance', -1500],
    ]);
  });

  it('refuses more than the wallet holds with transaction-insufficient-funds, and moves nothing', async () => {
    const user = await readyUser(1000);
    const response = await payout({ user_id: user.id, amount: 1001, platform: 'default' });
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code: 'transaction-insufficient-funds', field: 'amount' });
    expect(await walletOf(sandbox.url, user.id)).toBe(1000);
  });

  it('needs a default payout method for platform: default, and refuses a rail the sandbox users lack', async () => {
    const user = await createUser(sandbox.url);
    await fundUser(sandbox.url, user.id, 1000);
    const noDefault = await payout({ user_id: user.id, amount: 500, platform: 'default' });
    expect(noDefault.status).toBe(400);
    const error = await errorOf(noDefault);
    expect(error).toMatchObject({ code: 'invalid-input', field: 'platform' });
    expect(error.message).toContain('manage-payouts');
    expect((await payout({ user_id: user.id, amount: 500, platform: 'cash_app' })).status).toBe(400);
    expect(await walletOf(sandbox.url, user.id)).toBe(1000);
  });

  it('answers a repeated idempotency_key with the first payout and moves the money once, within 24 h', async () => {
    const user = await readyUser(5000);
    const key = randomUUID();
    const first = await payout({ user_id: user.id, amount: 1000, platform: 'default', idempotency_key: key });
    const again = await payout({ user_id: user.id, amount: 4000, platform: 'ach', idempotency_key: key });
    expect(again.status).toBe(201);
    expect(again.headers.get(IDEMPOTENT_REPLAYED_HEADER)).toBe('true');
    expect(first.headers.get(IDEMPOTENT_REPLAYED_HEADER)).toBeNull();
    expect(await again.json()).toEqual(await first.json());
    expect(await walletOf(sandbox.url, user.id)).toBe(4000);
  });

  it('sends transfer.updated then transfer.completed for a payout, signed, and nothing for a replay', async () => {
    const user = await readyUser(2000);
    const key = randomUUID();
    const body = (await (
      await payout({ user_id: user.id, amount: 700, platform: 'default', idempotency_key: key })
    ).json()) as PayoutAnswer;
    await payout({ user_id: user.id, amount: 700, platform: 'default', idempotency_key: key });
    const mine = () => receiver.received.filter((hook) => hook.body.includes(body.id));
    await expect.poll(() => mine().length).toBe(2);
    const [updated, completed] = mine().map((hook) => JSON.parse(hook.body) as Record<string, unknown>);
    expect(updated).toEqual({ event: 'transfer.updated', transfer_id: body.id });
    expect(completed).toEqual({ event: 'transfer.completed', transfer: body, transfer_id: body.id });
    for (const hook of mine()) {
      expect(isValidSvixSignature(hook.headers, hook.body, SANDBOX_DEFAULTS.webhookSecret)).toBe(true);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(mine()).toHaveLength(2);
  });

  it.each([
    ['no amount', {}, 'amount'],
    ['a non-UUID user', { user_id: 'user_1', amount: 100, platform: 'ach' }, 'user_id'],
    ['an unknown user', { user_id: randomUUID(), amount: 100, platform: 'ach' }, 'user_id'],
    ['a zero amount', { amount: 0, platform: 'ach' }, 'amount'],
    ['a negative amount', { amount: -100, platform: 'ach' }, 'amount'],
    ['a fractional amount', { amount: 10.5, platform: 'ach' }, 'amount'],
    ['a string amount', { amount: '100', platform: 'ach' }, 'amount'],
    ['a huge amount', { amount: 1e300, platform: 'ach' }, 'amount'],
    ['no platform', { amount: 100 }, 'platform'],
    ['an unknown platform', { amount: 100, platform: 'wire' }, 'platform'],
    ['a bad fee party', { amount: 100, platform: 'ach', payout_fee_party: 'app' }, 'payout_fee_party'],
    ['a bad key', { amount: 100, platform: 'ach', idempotency_key: 'abc' }, 'idempotency_key'],
    ['tax_exempt without fund', { amount: 100, platform: 'ach', tax_exempt: true }, 'tax_exempt'],
    ['a numeric fund', { amount: 100, platform: 'ach', fund: 1 }, 'fund'],
    ['array metadata', { amount: 100, platform: 'ach', metadata: [1] }, 'metadata'],
    ['a bad account_id', { amount: 100, platform: 'ach', account_id: 'acct' }, 'account_id'],
  ])('refuses %s with invalid-input naming the field', async (_name, fields, field) => {
    const user = await readyUser(500);
    const body = { user_id: user.id, ...fields };
    const response = await payout(body);
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code: 'invalid-input', field });
    expect(await walletOf(sandbox.url, user.id)).toBe(500);
  });

  it('refuses malformed JSON, a non-object body and a prototype-polluting body', async () => {
    for (const body of ['{"user_id":', '[]', '"payout"', 'null']) {
      const response = await payout(body);
      expect(response.status, body).toBe(400);
      expect((await errorOf(response)).code).toBe('invalid-input');
    }
    const user = await readyUser(500);
    const polluted = `{"user_id":"${user.id}","platform":"ach","__proto__":{"amount":100}}`;
    expect((await payout(polluted)).status).toBe(400);
    expect(await walletOf(sandbox.url, user.id)).toBe(500);
  });
});

describe("the flow's payout step", () => {
  it('withdraws to the default method, records the same payout object, and honours payout_fee_party', async () => {
    const user = await readyUser(4000);
    const created = await callApi(sandbox.url, 'POST', '/flows', {
      steps: [{ name: 'payout', payout_fee_party: 'user' }],
      user_id: user.id,
    });
    const flow = (await created.json()) as { id: string };
    const done = await completeStepHttp(sandbox.url, flow.id, 'payout', { amount: '12.50' });
    expect(done.status).toBe(200);
    expect(await walletOf(sandbox.url, user.id)).toBe(4000 - 1250);
    const list = (await (await callApi(sandbox.url, 'GET', `/transfers?user_id=${user.id}&type=payout`)).json()) as {
      data: PayoutAnswer[];
    };
    expect(list.data).toHaveLength(1);
    expect(list.data[0]).toMatchObject({ amount: 1250, external_data: { platform: 'ach' } });
    expect(list.data[0]!.transactions.map((t) => [t.type, t.amount, t.source_name])).toEqual([
      ['payout', 1250 - PAYOUT_FEE_CENTS, user.id],
      ['fee', PAYOUT_FEE_CENTS, user.id],
    ]);
  });

  it('refuses a withdrawal no larger than the fee the user pays, moving nothing', async () => {
    const user = await readyUser(4000);
    const flow = (await (
      await callApi(sandbox.url, 'POST', '/flows', {
        steps: [{ name: 'payout', payout_fee_party: 'user', hide_continue_button: true }],
        user_id: user.id,
      })
    ).json()) as { id: string };
    const response = await completeStepHttp(sandbox.url, flow.id, 'payout', { amount: '1.00' });
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code: 'invalid-input', field: 'amount' });
    expect(await walletOf(sandbox.url, user.id)).toBe(4000);
  });
});

describe('the background-check step', () => {
  async function checkWith(fullName: string) {
    const user = await createUser(sandbox.url);
    const flow = (await (
      await callApi(sandbox.url, 'POST', '/flows', { steps: ['background-check'], user_id: user.id })
    ).json()) as { id: string };
    const response = await completeStepHttp(sandbox.url, flow.id, 'background-check', {
      full_name: fullName,
      consent: true,
    });
    expect(response.status).toBe(200);
    const read = await callApi(sandbox.url, 'GET', `/users/${user.id}`);
    return ((await read.json()) as { compliance: Record<string, unknown> }).compliance;
  }

  it(`fails for the test name "${FAILING_BACKGROUND_CHECK_NAME}": status failed, has_criminal_activity true`, async () => {
    const compliance = await checkWith(FAILING_BACKGROUND_CHECK_NAME);
    expect(compliance['has_criminal_activity']).toBe(true);
    expect(compliance['background_check']).toMatchObject({ status: 'failed' });
  });

  it('passes for any other name', async () => {
    const compliance = await checkWith('Ada Lovelace');
    expect(compliance['has_criminal_activity']).toBe(false);
    expect(compliance['background_check']).toMatchObject({ status: 'pass' });
  });
});
