import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FIELDS } from '../page/stepRules.js';
import { SANDBOX_DEFAULTS } from './defaults.js';
import { MAX_DELIVERIES } from './payoutLinkStore.js';
import { startSandbox } from './startSandbox.js';
import type { Sandbox } from './startSandbox.js';
import { completeStepHttp, getFlow, startWebhookReceiver } from './test-support/http.js';
import { callApi, createUser, errorOf, walletOf } from './test-support/moneyApi.js';
import type { PayoutLinkAnswer } from './test-support/moneyApi.js';
import { isValidSvixSignature } from './test-support/verifySvix.js';
import { IDEMPOTENT_REPLAYED_HEADER } from './transferRoutes.js';

let sandbox: Sandbox;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
  sandbox = await startSandbox({ port: 0, appBalance: 100_000, webhookUrl: receiver.url });
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});

const createLink = (body: unknown, on = sandbox) => callApi(on.url, 'POST', '/payout-links', body);
const getLink = async (id: string, on = sandbox) =>
  (await (await callApi(on.url, 'GET', `/payout-links/${id}`)).json()) as PayoutLinkAnswer;
/** The webhook bodies that mention `id`, in arrival order. */
const hooksAbout = (id: string) =>
  receiver.received
    .filter((hook) => hook.body.includes(id))
    .map((hook) => JSON.parse(hook.body) as Record<string, unknown>);

/** Onboards the link flow's payee through the page's own endpoint, as the page does. */
async function onboard(flowId: string) {
  const response = await completeStepHttp(sandbox.url, flowId, 'onboarding', DEFAULT_FIELDS.onboarding);
  expect(response.status).toBe(200);
  return (await getFlow(sandbox.url, flowId)).user_id as string;
}

describe('POST /v2/payout-links', () => {
  it('creates a funded link (201): a flow link that pays, delivered, not yet claimed', async () => {
    const response = await createLink({ amount: 1234, memo: 'Thanks!', metadata: { order: 7 } });
    expect(response.status).toBe(201);
    const link = (await response.json()) as PayoutLinkAnswer & Record<string, unknown>;
    expect(link).toMatchObject({
      amount: 1234,
      status: 'delivered',
      claimed_user_id: null,
      transfer_id: null,
      memo: 'Thanks!',
      metadata: { order: 7 },
      delivery: { method: 'link', email: null, country_code: null, phone_number: null },
    });
    expect(link.link).toBe(`${sandbox.url}/flow/${link.flow_id}`);
    const flow = await getFlow(sandbox.url, link.flow_id);
    expect(flow).toMatchObject({ payout_link_id: link.id, steps: ['payout'], user_id: null });
    await expect.poll(() => hooksAbout(link.id).length).toBe(1);
    expect(hooksAbout(link.id)[0]).toEqual({ event: 'payout_link.sent', ...link, original_amount: 1234 });
  });

  it('is claimed by the payee the link onboards, who then withdraws the amount on the payout step', async () => {
    const link = (await (
      await createLink({ amount: 3000, additional_steps: ['compliance'] })
    ).json()) as PayoutLinkAnswer;
    expect((await getFlow(sandbox.url, link.flow_id)).steps).toEqual(['compliance', 'payout']);
    const userId = await onboard(link.flow_id);
    const claimed = await getLink(link.id);
    expect(claimed).toMatchObject({ status: 'claimed', claimed_user_id: userId });
    // A payee onboarded by a link gets the link's amount, nothing else.
    expect(await walletOf(sandbox.url, userId)).toBe(3000);
    const transfer = (await (await callApi(sandbox.url, 'GET', `/transfers/${claimed.transfer_id}`)).json()) as Record<
      string,
      unknown
    >;
    expect(transfer).toMatchObject({ type: 'balance', amount: -3000, user_id: userId, payout_link_id: link.id });

    expect((await completeStepHttp(sandbox.url, link.flow_id, 'compliance', DEFAULT_FIELDS.compliance)).status).toBe(
      200,
    );
    expect((await completeStepHttp(sandbox.url, link.flow_id, 'payout', { amount: '30.00' })).status).toBe(200);
    expect(await walletOf(sandbox.url, userId)).toBe(0);
    const payouts = (await (await callApi(sandbox.url, 'GET', `/transfers?user_id=${userId}&type=payout`)).json()) as {
      data: { amount: number; payout_link_id: string }[];
    };
    expect(payouts.data).toEqual([expect.objectContaining({ amount: 3000, payout_link_id: link.id })]);

    // Webhooks about the link: sent, then claimed and updated, then paid out; flow.updated for each step.
    await expect.poll(() => hooksAbout(link.id).length).toBe(6);
    const bodies = hooksAbout(link.id);
    const linkBodies = bodies.filter((body) => body['flow_id'] === link.flow_id && body['id'] === link.id);
    expect(linkBodies.map((body) => [body['event'], body['status']])).toEqual([
      ['payout_link.sent', 'delivered'],
      ['payout_link.claimed', 'claimed'],
      ['payout_link.updated', 'claimed'],
      ['payout_link.paid_out', 'claimed'],
    ]);
    const updated = linkBodies[2]!;
    expect(updated).toMatchObject({ api_app_id: SANDBOX_DEFAULTS.appId, original_amount: 3000 });
    // docs/webhooks.yaml: paid_out names the rail paid on and the cents the payee took out.
    expect(linkBodies[3]).toMatchObject({ original_amount: 3000, method: expect.any(String), withdrew_amount: 3000 });
    const flowHooks = receiver.received.filter(
      (hook) => hook.body.includes(`"flow_id":"${link.flow_id}"`) && hook.body.includes('flow.updated'),
    );
    expect(flowHooks).toHaveLength(3);
    for (const hook of receiver.received) {
      expect(isValidSvixSignature(hook.headers, hook.body, SANDBOX_DEFAULTS.webhookSecret)).toBe(true);
    }
  });

  it('is claimed at once by the user it names, and its flow is for that user', async () => {
    const user = await createUser(sandbox.url);
    const link = (await (await createLink({ amount: 800, user_id: user.id })).json()) as PayoutLinkAnswer;
    expect(link).toMatchObject({ status: 'claimed', claimed_user_id: user.id });
    expect((await getFlow(sandbox.url, link.flow_id)).user_id).toBe(user.id);
    expect(await walletOf(sandbox.url, user.id)).toBe(800);
  });

  it('answers 202 funds_pending when the app wallet cannot fund it, and delivers it once money arrives', async () => {
    const poor = await startSandbox({ port: 0, appBalance: 1000 });
    try {
      const user = await createUser(poor.url);
      await callApi(poor.url, 'POST', '/transfers', { amount: -1000, user_id: user.id });
      const response = await createLink({ amount: 600 }, poor);
      expect(response.status).toBe(202);
      const link = (await response.json()) as PayoutLinkAnswer;
      expect(link.status).toBe('funds_pending');
      // The user pays the app back: the app wallet can now hold the link's amount.
      expect((await callApi(poor.url, 'POST', '/transfers', { amount: 700, user_id: user.id })).status).toBe(200);
      expect((await getLink(link.id, poor)).status).toBe('delivered');
      // 100 cents are left in the app wallet: a second 600-cent link waits.
      expect((await createLink({ amount: 600 }, poor)).status).toBe(202);
    } finally {
      await poor.close();
    }
  });

  it('answers a repeated idempotency_key with the first link: one flow, the amount held once', async () => {
    const poor = await startSandbox({ port: 0, appBalance: 1000 });
    try {
      const key = randomUUID();
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => createLink({ amount: 700, idempotency_key: key }, poor)),
      );
      const bodies = (await Promise.all(responses.map((r) => r.json()))) as PayoutLinkAnswer[];
      expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
      expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
      expect(responses.filter((r) => r.headers.get(IDEMPOTENT_REPLAYED_HEADER) === 'true')).toHaveLength(19);
      const list = (await (await callApi(poor.url, 'GET', '/payout-links?limit=100')).json()) as { data: unknown[] };
      expect(list.data).toHaveLength(1);
      // 300 cents are left: a 301-cent link waits for funds.
      expect((await createLink({ amount: 301 }, poor)).status).toBe(202);
      expect((await createLink({ amount: 300 }, poor)).status).toBe(201);
    } finally {
      await poor.close();
    }
  });
});

describe('GET /v2/payout-links', () => {
  it('pages newest first with limit, starting_after and ending_before', async () => {
    const fresh = await startSandbox({ port: 0 });
    try {
      const ids: string[] = [];
      for (let i = 0; i < 5; i += 1)
        ids.push(((await (await createLink({ amount: 100 + i }, fresh)).json()) as PayoutLinkAnswer).id);
      const newest = [...ids].reverse();
      const page = async (query: string) =>
        (await (await callApi(fresh.url, 'GET', `/payout-links${query}`)).json()) as {
          has_more: boolean;
          data: { id: string }[];
        };
      const first = await page('?limit=2');
      expect(first).toMatchObject({ has_more: true });
      expect(first.data.map((l) => l.id)).toEqual(newest.slice(0, 2));
      const second = await page(`?limit=2&starting_after=${newest[1]}`);
      expect(second.data.map((l) => l.id)).toEqual(newest.slice(2, 4));
      const last = await page(`?limit=2&starting_after=${newest[3]}`);
      expect(last).toEqual({ has_more: false, data: [expect.objectContaining({ id: newest[4] })] });
      const back = await page(`?limit=2&ending_before=${newest[2]}`);
      expect(back.data.map((l) => l.id)).toEqual(newest.slice(0, 2));
      for (const bad of ['?limit=0', '?limit=101', '?starting_after=nope', `?starting_after=${randomUUID()}`]) {
        const response = await callApi(fresh.url, 'GET', `/payout-links${bad}`);
        expect(response.status, bad).toBe(400);
        expect((await errorOf(response)).code).toBe('invalid-input');
      }
    } finally {
      await fresh.close();
    }
  });
});

describe('DELETE and redeliver', () => {
  it('cancels an unclaimed link and returns its amount to the app wallet; a claimed one cannot be canceled', async () => {
    const poor = await startSandbox({ port: 0, appBalance: 500 });
    try {
      const link = (await (await createLink({ amount: 500 }, poor)).json()) as PayoutLinkAnswer;
      expect((await createLink({ amount: 500 }, poor)).status).toBe(202);
      const deleted = await callApi(poor.url, 'DELETE', `/payout-links/${link.id}`);
      expect(deleted.status).toBe(200);
      expect(((await deleted.json()) as PayoutLinkAnswer).status).toBe('canceled');
      // The 500 cents came back and funded the waiting link.
      const list = (await (await callApi(poor.url, 'GET', '/payout-links')).json()) as { data: PayoutLinkAnswer[] };
      expect(list.data.map((l) => l.status)).toEqual(['delivered', 'canceled']);
      const again = await callApi(poor.url, 'DELETE', `/payout-links/${link.id}`);
      expect(again.status).toBe(409);
      expect((await errorOf(again)).code).toBe('payout-link-closed');
      const user = await createUser(poor.url);
      const mine = (await (await createLink({ amount: 100, user_id: user.id }, poor)).json()) as PayoutLinkAnswer;
      expect(mine.status).toBe('funds_pending');
    } finally {
      await poor.close();
    }
  });

  it(`redelivers a delivered link up to ${MAX_DELIVERIES} deliveries in all, then says no`, async () => {
    const link = (await (await createLink({ amount: 100 })).json()) as PayoutLinkAnswer;
    const redeliver = async () =>
      (await (await callApi(sandbox.url, 'POST', `/payout-links/${link.id}/redeliver`)).json()) as {
        payout_link: PayoutLinkAnswer;
        redelivered: boolean;
      };
    const answers: boolean[] = [];
    for (let i = 0; i < MAX_DELIVERIES; i += 1) answers.push((await redeliver()).redelivered);
    expect(answers).toEqual([true, true, true, true, false]);
    expect((await redeliver()).payout_link.id).toBe(link.id);
    await callApi(sandbox.url, 'DELETE', `/payout-links/${link.id}`);
    const other = (await (await createLink({ amount: 100 })).json()) as PayoutLinkAnswer;
    await callApi(sandbox.url, 'DELETE', `/payout-links/${other.id}`);
    const canceled = await callApi(sandbox.url, 'POST', `/payout-links/${other.id}/redeliver`);
    expect(((await canceled.json()) as { redelivered: boolean }).redelivered).toBe(false);
  });

  it.each([
    ['GET', ''],
    ['DELETE', ''],
    ['POST', '/redeliver'],
  ])('%s an unknown or malformed id%s is a 404', async (method, tail) => {
    for (const id of [randomUUID(), 'not-a-uuid', '..%2F..%2Fflows']) {
      const response = await callApi(sandbox.url, method, `/payout-links/${id}${tail}`);
      expect(response.status, id).toBe(404);
      expect((await errorOf(response)).code).toBe('not-found');
    }
  });
});

describe('create-request validation', () => {
  it.each([
    ['no amount', {}, 'amount'],
    ['a zero amount', { amount: 0 }, 'amount'],
    ['a fractional amount', { amount: 1.5 }, 'amount'],
    ['a string amount', { amount: '100' }, 'amount'],
    ['an unknown field', { amount: 100, amout: 5 }, 'amout'],
    ['a non-UUID user', { amount: 100, user_id: 'u1' }, 'user_id'],
    ['an unknown user', { amount: 100, user_id: randomUUID() }, 'user_id'],
    ['a bad payee email', { amount: 100, payee: { email: 'nope' } }, 'payee.email'],
    ['a payee that is a string', { amount: 100, payee: 'Bob' }, 'payee'],
    ['sms without a phone', { amount: 100, delivery: { method: 'sms' } }, 'payee.phone_number'],
    ['email without an email', { amount: 100, delivery: { method: 'email' } }, 'payee.email'],
    ['an unknown delivery method', { amount: 100, delivery: { method: 'fax' } }, 'delivery.method'],
    ['a bad key', { amount: 100, idempotency_key: 'k1' }, 'idempotency_key'],
    ['a bad fee party', { amount: 100, payout_fee_party: 'app' }, 'payout_fee_party'],
    ['onboarding as a step', { amount: 100, additional_steps: ['onboarding'] }, 'additional_steps[0]'],
    ['a repeated step', { amount: 100, additional_steps: ['payout', 'payout'] }, 'additional_steps[1]'],
    ['steps that are not a list', { amount: 100, additional_steps: 'payout' }, 'additional_steps'],
    ['a bad funding source', { amount: 100, funding_source: 'card' }, 'funding_source'],
    [
      'a non-integer QuickBooks id',
      { amount: 100, accounting_data: { quickbooks_class_id: 'x' } },
      'accounting_data.quickbooks_class_id',
    ],
    ['a numeric memo', { amount: 100, memo: 5 }, 'memo'],
    ['a string tax_exempt', { amount: 100, tax_exempt: 'yes' }, 'tax_exempt'],
  ])('refuses %s with invalid-input naming the field', async (_name, body, field) => {
    const response = await createLink(body);
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code: 'invalid-input', field });
  });

  it('refuses malformed JSON and bodies that are not objects', async () => {
    for (const body of ['{', '[]', '42', 'null']) {
      const response = await createLink(body);
      expect(response.status, body).toBe(400);
    }
  });

  it('takes the payout_fee_party onto the payout step and forced compliance first', async () => {
    const link = (await (
      await createLink({ amount: 5000, payout_fee_party: 'user', force_collect_compliance_information: true })
    ).json()) as PayoutLinkAnswer;
    expect((await getFlow(sandbox.url, link.flow_id)).steps).toEqual(['compliance', 'payout']);
    const userId = await onboard(link.flow_id);
    await completeStepHttp(sandbox.url, link.flow_id, 'compliance', DEFAULT_FIELDS.compliance);
    await completeStepHttp(sandbox.url, link.flow_id, 'payout', { amount: '50.00' });
    const payouts = (await (await callApi(sandbox.url, 'GET', `/transfers?user_id=${userId}&type=payout`)).json()) as {
      data: { transactions: { type: string; source_name: string }[] }[];
    };
    expect(payouts.data[0]!.transactions.find((t) => t.type === 'fee')?.source_name).toBe(userId);
  });
});
