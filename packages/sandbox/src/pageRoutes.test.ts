import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VALID_FIELDS, completeStepHttp, createFlow, getFlow } from './test-support/http.js';
import { startSandbox } from './startSandbox.js';
import type { Sandbox } from './startSandbox.js';

let sandbox: Sandbox;
let clock = Date.parse('2030-01-01T00:00:00Z');
const TTL = 15 * 60 * 1000;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, users: ['user_known'], now: () => clock });
});
afterAll(() => sandbox.close());

async function errorOf(response: Response) {
  return { status: response.status, ...((await response.json()) as { error: { code: string; field?: string } }).error };
}

describe('GET /flow/:id', () => {
  it('serves the flow page, frameable by any origin', async () => {
    const flow = await createFlow(sandbox.url, { steps: ['compliance'] });
    const response = await fetch(flow.link);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toMatch(/(^|; )frame-ancestors \*($|;)/);
    expect(response.headers.get('x-frame-options')).toBeNull();
    expect(await response.text()).toContain('<script type="module" src="flow.js"></script>');
  });

  it('answers 404 (with the page, which explains) for an unknown flow', async () => {
    expect((await fetch(`${sandbox.url}/flow/flow_unknown`)).status).toBe(404);
  });

  it('serves the page assets it lists, and nothing else of the package', async () => {
    const script = await fetch(`${sandbox.url}/flow/flow.js`);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    for (const path of ['/flow/..%2Fpackage.json', '/flow/stepRules.d.ts', '/flow/%2E%2E/src/index.ts']) {
      const response = await fetch(`${sandbox.url}${path}`);
      expect(await response.text()).not.toMatch(/"name": "@dots-flow|export /);
    }
  });
});

describe('GET /flow/:id/state and expiry', () => {
  it('expires a flow created with a user_id 15 minutes after creation, and only then', async () => {
    const flow = await createFlow(sandbox.url, { steps: ['payout'], user_id: 'user_known' });
    const state = async () => (await fetch(`${flow.link}/state`)).status;
    expect(await state()).toBe(200);
    clock += TTL - 1;
    expect(await state()).toBe(200);
    clock += 1;
    const expired = await fetch(`${flow.link}/state`);
    expect(await errorOf(expired)).toMatchObject({ status: 410, code: 'flow_expired' });
    expect(await errorOf(await completeStepHttp(sandbox.url, flow.id, 'payout', VALID_FIELDS['payout']))).toMatchObject(
      {
        status: 410,
      },
    );
    // The API still returns it: expiry concerns the link, not the flow record.
    expect((await getFlow(sandbox.url, flow.id)).id).toBe(flow.id);
  });

  it('never expires flows without a user, or with require_auth', async () => {
    const anonymous = await createFlow(sandbox.url, { steps: ['payout'] });
    const login = await createFlow(sandbox.url, { steps: ['payout'], user_id: 'user_known', require_auth: true });
    clock += 10 * TTL;
    expect((await fetch(`${anonymous.link}/state`)).status).toBe(200);
    expect((await fetch(`${login.link}/state`)).status).toBe(200);
  });

  it('answers 404 for an unknown flow', async () => {
    expect(await errorOf(await fetch(`${sandbox.url}/flow/flow_nope/state`))).toMatchObject({
      status: 404,
      code: 'flow_not_found',
    });
  });
});

describe('POST /flow/:id/steps/:step', () => {
  it('validates again, in order, assigns a new user at onboarding, and decides completed-saved', async () => {
    const flow = await createFlow(sandbox.url, {
      steps: ['compliance', { name: 'manage-payouts', hide_continue_button: true }, 'payout'],
    });
    const complete = (step: string, fields: unknown) => completeStepHttp(sandbox.url, flow.id, step, fields);

    expect(await errorOf(await complete('compliance', VALID_FIELDS['compliance']))).toMatchObject({
      status: 409,
      code: 'step_out_of_order',
    });
    expect(await errorOf(await complete('onboarding', { phone: '12', code: '123456' }))).toMatchObject({
      status: 400,
      field: 'phone',
    });
    expect(await errorOf(await complete('onboarding', { phone: '+1 415 555 0100', code: '654321' }))).toMatchObject({
      status: 400,
      field: 'code',
    });
    expect(await errorOf(await complete('onboarding', { phone: '+1 415 555 0100' }))).toMatchObject({ field: 'code' });
    expect((await getFlow(sandbox.url, flow.id)).completed_steps).toEqual([]);

    const onboarded = await complete('onboarding', VALID_FIELDS['onboarding']);
    expect(onboarded.status).toBe(200);
    const { status, state } = (await onboarded.json()) as { status: string; state: { user_id: string } };
    expect(status).toBe('completed');
    expect(state.user_id).toMatch(/^user_[0-9a-f]{24}$/);
    const afterOnboarding = await getFlow(sandbox.url, flow.id);
    expect(afterOnboarding).toMatchObject({ user_id: state.user_id, completed_steps: ['onboarding'] });
    expect(await errorOf(await complete('onboarding', VALID_FIELDS['onboarding']))).toMatchObject({
      status: 409,
      code: 'step_already_completed',
    });

    const { tin: _tin, ...withoutTin } = VALID_FIELDS['compliance'] as Record<string, unknown>;
    expect(await errorOf(await complete('compliance', withoutTin))).toMatchObject({ status: 400, field: 'tin' });
    expect((await complete('compliance', VALID_FIELDS['compliance'])).status).toBe(200);

    const save = async (method: string) =>
      ((await (await complete('manage-payouts', { default_method: method })).json()) as { status: string }).status;
    expect(await save('pm_bank')).toBe('completed-saved');
    expect(await save('pm_paypal')).toBe('completed');
    expect(await save('pm_paypal')).toBe('completed-saved');
    expect(await errorOf(await complete('manage-payouts', { default_method: 'pm_stolen' }))).toMatchObject({
      field: 'default_method',
    });

    // The created user is now known: a new flow can be made for them.
    expect((await createFlow(sandbox.url, { steps: ['payout'], user_id: state.user_id })).user_id).toBe(state.user_id);
    expect((await getFlow(sandbox.url, flow.id)).completed_steps).toEqual([
      'onboarding',
      'compliance',
      'manage-payouts',
    ]);
  });

  it('checks payout amounts against the balance', async () => {
    const flow = await createFlow(sandbox.url, { steps: ['payout'], user_id: 'user_known', require_auth: true });
    await completeStepHttp(sandbox.url, flow.id, 'onboarding', VALID_FIELDS['onboarding']);
    for (const amount of ['0', '0.00', '-5', 'abc', '', '1.234', '1e3', '100.01']) {
      const response = await completeStepHttp(sandbox.url, flow.id, 'payout', { amount });
      expect(await errorOf(response), amount).toMatchObject({ status: 400, field: 'amount' });
    }
    expect((await completeStepHttp(sandbox.url, flow.id, 'payout', { amount: '100' })).status).toBe(200);
  });

  it.each([
    ['a text body', 'text/plain', '{"fields": {}}', 415],
    ['a form body', 'application/x-www-form-urlencoded', 'fields=1', 415],
    ['malformed JSON', 'application/json', '{"fields":', 400],
    ['a huge body', 'application/json', JSON.stringify({ fields: { phone: 'x'.repeat(20_000) } }), 413],
  ])('refuses %s', async (_name, type, body, status) => {
    const flow = await createFlow(sandbox.url, { steps: ['payout'] });
    const response = await fetch(`${flow.link}/steps/onboarding`, {
      method: 'POST',
      headers: { 'content-type': type },
      body,
    });
    expect(response.status).toBe(status);
    expect((await getFlow(sandbox.url, flow.id)).completed_steps).toEqual([]);
  });

  it.each([
    null,
    [],
    'x',
    42,
    { phone: ['+14155550100'], code: 123456 },
    JSON.parse('{"__proto__": {"phone": "+14155550100"}}') as unknown,
  ])('treats hostile fields %j as an invalid form', async (fields) => {
    const flow = await createFlow(sandbox.url, { steps: ['payout'] });
    const response = await completeStepHttp(sandbox.url, flow.id, 'onboarding', fields);
    expect(await errorOf(response)).toMatchObject({ status: 400, field: 'phone' });
  });

  it('answers 404 for a step the flow does not have', async () => {
    const flow = await createFlow(sandbox.url, { steps: ['payout'] });
    expect(await errorOf(await completeStepHttp(sandbox.url, flow.id, 'compliance', {}))).toMatchObject({
      status: 404,
      code: 'step_not_in_flow',
    });
  });
});
