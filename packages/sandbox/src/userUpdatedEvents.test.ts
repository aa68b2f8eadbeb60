import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CODE } from '../page/stepRules.js';
import { RESPONSE_OBSERVER_KEY, WEBHOOK_METHOD, setResponseObserver } from './responseObserver.js';
import type { ResponseObserver } from './responseObserver.js';
import { startSandbox } from './startSandbox.js';
import type { Sandbox } from './startSandbox.js';
import { contractChecks } from './test-support/contractHarness.js';
import { VALID_FIELDS, completeStepHttp, createFlow, startWebhookReceiver } from './test-support/http.js';
import { callApi, createUser } from './test-support/moneyApi.js';
import { isValidSvixSignature } from './test-support/verifySvix.js';
import { SANDBOX_DEFAULTS } from './defaults.js';

// Svix puts the event type in no header; the bodies name it in `event`. The order of the types comes from
// the sandbox's own report of what it sent (deliveries may arrive in any order); the bodies, their
// signatures and their count come from a real receiver on 127.0.0.1.
type Slot = { [RESPONSE_OBSERVER_KEY]?: ResponseObserver };
const sent: { type: string; body: Record<string, unknown> }[] = [];
let harness: ResponseObserver | undefined;

let sandbox: Sandbox;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
beforeAll(async () => {
  harness = (globalThis as Slot)[RESPONSE_OBSERVER_KEY];
  setResponseObserver((response) => {
    if (response.method === WEBHOOK_METHOD) sent.push({ type: response.path, body: JSON.parse(response.body) });
    harness?.(response); // the contract harness still checks every body
  });
  receiver = await startWebhookReceiver();
  sandbox = await startSandbox({ port: 0, webhookUrl: receiver.url });
});
afterAll(async () => {
  setResponseObserver(harness);
  await sandbox.close();
  await receiver.close();
});

/** The events sent about this user or these flows, in the order the sandbox sent them. */
const eventsAbout = (userId: string, flowIds: string[]) =>
  sent
    .filter((e) => e.body['user_id'] === userId || flowIds.includes(String(e.body['flow_id'])))
    .map((e) => (e.type === 'flow.updated' ? 'flow.updated' : `${e.type} ${String(e.body['user_id'])}`));

async function step(flowId: string, name: string, fields = VALID_FIELDS[name]) {
  const response = await completeStepHttp(sandbox.url, flowId, name, fields);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as { status: string; state: { user_id: string } };
}

describe('user.updated* webhooks', () => {
  it('sends id_verified, background_check and default_payout_method_changed as the steps change the user, in order', async () => {
    const checksBefore = contractChecks.count;
    const flow = await createFlow(sandbox.url, { steps: ['id-verification', 'background-check', 'manage-payouts'] });
    const userId = (await step(flow.id, 'onboarding')).state.user_id;
    await step(flow.id, 'id-verification');
    await step(flow.id, 'background-check');
    expect((await step(flow.id, 'manage-payouts', { default_method: 'pm_bank' })).status).toBe('completed');

    expect(eventsAbout(userId, [flow.id])).toEqual([
      'flow.updated', // onboarding creates the user: nothing about it changed yet
      `user.updated.id_verified ${userId}`,
      'flow.updated',
      `user.updated.background_check ${userId}`,
      'flow.updated',
      `user.updated.default_payout_method_changed ${userId}`,
      'flow.updated',
    ]);
    // Each body is `{ event, user_id }` and nothing else, signed like the others, and held to its schema.
    const userHooks = () => receiver.received.filter((hook) => hook.body.includes(`"user_id":"${userId}"`));
    await expect.poll(() => userHooks().length).toBe(3);
    expect(userHooks().map((hook) => JSON.parse(hook.body) as unknown)).toEqual(
      ['user.updated.id_verified', 'user.updated.background_check', 'user.updated.default_payout_method_changed'].map(
        (event) => ({ event, user_id: userId }),
      ),
    );
    for (const hook of userHooks()) {
      expect(isValidSvixSignature(hook.headers, hook.body, SANDBOX_DEFAULTS.webhookSecret)).toBe(true);
    }
    expect(new Set(userHooks().map((hook) => hook.headers['svix-id'])).size).toBe(3);
    expect(contractChecks.count - checksBefore).toBeGreaterThanOrEqual(7);
  });

  it('sends nothing about the user when a step changes nothing; a new background check is a change', async () => {
    const first = await createFlow(sandbox.url, { steps: ['id-verification', 'manage-payouts'] });
    const userId = (await step(first.id, 'onboarding')).state.user_id;
    await step(first.id, 'id-verification');
    await step(first.id, 'manage-payouts', { default_method: 'pm_paypal' });

    // The same user again: identity already verified, the same default saved (`completed-saved`).
    const again = await createFlow(sandbox.url, {
      steps: ['id-verification', 'manage-payouts', 'background-check'],
      user_id: userId,
    });
    await step(again.id, 'id-verification');
    expect((await step(again.id, 'manage-payouts', { default_method: 'pm_paypal' })).status).toBe('completed-saved');
    await step(again.id, 'background-check');
    const third = await createFlow(sandbox.url, { steps: ['manage-payouts'], user_id: userId });
    expect((await step(third.id, 'manage-payouts', { default_method: 'pm_bank' })).status).toBe('completed');

    expect(eventsAbout(userId, [again.id, third.id])).toEqual([
      `user.updated.id_verified ${userId}`,
      `user.updated.default_payout_method_changed ${userId}`,
      'flow.updated', // id-verification again: already verified
      'flow.updated', // the same default saved
      `user.updated.background_check ${userId}`,
      'flow.updated',
      `user.updated.default_payout_method_changed ${userId}`,
      'flow.updated',
    ]);
  });

  it('sends user.updated when POST /v2/users/{id}/verify verifies the user, and nothing on a second verify', async () => {
    const user = await createUser(sandbox.url);
    expect(user.status).toBe('unverified');
    const wrong = await callApi(sandbox.url, 'POST', `/users/${user.id}/verify`, { token: '000000' });
    expect(wrong.status).toBe(400);
    for (let i = 0; i < 2; i += 1) {
      const verified = await callApi(sandbox.url, 'POST', `/users/${user.id}/verify`, { token: TEST_CODE });
      expect(((await verified.json()) as { status: string }).status).toBe('verified');
    }
    expect(eventsAbout(user.id, [])).toEqual([`user.updated ${user.id}`]);
    await expect.poll(() => receiver.received.filter((hook) => hook.body.includes(user.id)).length).toBe(1);
  });
});
