import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  KNOWN_USER,
  VALID_FIELDS,
  completeStepHttp,
  createFlow,
  getFlow,
  verifyCodeHttp,
} from './test-support/http.js';
import { fundUser, walletOf } from './test-support/moneyApi.js';
import { startSandbox } from './startSandbox.js';
import type { Sandbox } from './startSandbox.js';

let sandbox: Sandbox;
let clock = Date.parse('2030-01-01T00:00:00Z');
const TTL = 15 * 60 * 1000;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, users: [KNOWN_USER], now: () => clock });
});
afterAll(() => sandbox.close());

async function errorOf(response: Response) {
  return { status: response.status, ...((await response.json()) as { error: { code: string; field?: string } }).error };
}
const stateOf = async (link: string) =>
  (await (await fetch(`${link}/state`)).json()) as {
    auth_required: boolean;
    user_id: string | null;
    phone_hint: string | null;
  };

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
    expect((await fetch(`${sandbox.url}/flow/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await fetch(`${sandbox.url}/flow/flow_unknown`)).status).toBe(404);
  });

  it('serves the page assets it lists, and nothing else of the package', async () => {
    for (const name of ['flow.js', 'flowStyles.js', 'stepOptions.js', 'payoutForms.js', 'formControls.js']) {
      const script = await fetch(`${sandbox.url}/flow/${name}`);
      expect(script.headers.get('content-type'), name).toMatch(/^text\/javascript/);
    }
    for (const path of ['/flow/..%2Fpackage.json', '/flow/stepRules.d.ts', '/flow/%2E%2E/src/index.ts']) {
      const response = await fetch(`${sandbox.url}${path}`);
      expect(await response.text()).not.toMatch(/"name": "@dots-flow|export /);
    }
  });
});

describe('signing in: the 15-minute window, require_auth and the SMS code', () => {
  it('asks a known user for the code once 15 minutes have passed, and the link keeps working', async () => {
    const flow = await createFlow(sandbox.url, { steps: ['payout', 'compliance'], user_id: KNOWN_USER });
    await fundUser(sandbox.url, KNOWN_USER, 2500); // what the payout step withdraws (VALID_FIELDS)
    expect(await stateOf(flow.link)).toMatchObject({ auth_required: false, user_id: KNOWN_USER });
    clock += TTL - 1;
    expect((await completeStepHttp(sandbox.url, flow.id, 'payout', VALID_FIELDS['payout'])).status).toBe(200);
    clock += 1;
    expect((await fetch(`${flow.link}/state`)).status).toBe(200);
    expect(await stateOf(flow.link)).toMatchObject({ auth_required: true, phone_hint: null });
    expect(
      await errorOf(await completeStepHttp(sandbox.url, flow.id, 'compliance', VALID_FIELDS['compliance'])),
    ).toMatchObject({
      status: 401,
      code: 'authentication-required',
    });

    expect(await errorOf(await verifyCodeHttp(sandbox.url, flow.id, '000000'))).toMatchObject({
      status: 400,
      field: 'code',
    });
    expect(await errorOf(await verifyCodeHttp(sandbox.url, flow.id, '12345'))).toMatchObject({
      status: 400,
      field: 'code',
    });
    expect((await verifyCodeHttp(sandbox.url, flow.id, '123456')).status).toBe(200);
    expect(await stateOf(flow.link)).toMatchObject({ auth_required: false });
    expect((await completeStepHttp(sandbox.url, flow.id, 'compliance', VALID_FIELDS['compliance'])).status).toBe(200);
    expect((await getFlow(sandbox.url, flow.id)).completed_steps).toEqual(['payout', 'compliance']);

    // The code signs the user in for another window, then it is asked again.
    clock += TTL;
    expect(await stateOf(flow.link)).toMatchObject({ auth_required: true });
  });

  it('asks for the code from the start with require_auth', async () => {
    const flow = await createFlow(sandbox.url, { steps: ['payout'], user_id: KNOWN_USER, require_auth: true });
    await fundUser(sandbox.url, KNOWN_USER, 2500);
    expect(await stateOf(flow.link)).toMatchObject({ auth_required: true });
    expect((await completeStepHttp(sandbox.url, flow.id, 'payout', VALID_FIELDS['payout'])).status).toBe(401);
    expect((await verifyCodeHttp(sandbox.url, flow.id, '123456')).status).toBe(200);
    expect((await completeStepHttp(sandbox.url, flow.id, 'payout', VALID_FIELDS['payout'])).status).toBe(200);
  });

  it('never asks a flow without a user for a code before onboarding, and refuses one there', async () => {
    const anonymous = await createFlow(sandbox.url, { steps: ['payout'] });
    clock += 10 * TTL;
    expect(await stateOf(anonymous.link)).toMatchObject({ auth_required: false, user_id: null });
    expect(await errorOf(await verifyCodeHttp(sandbox.url, anonymous.id, '123456'))).toMatchObject({
      status: 409,
      code: 'step-out-of-order',
    });
  });

  it('answers 404 for an unknown flow', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(await errorOf(await fetch(`${sandbox.url}/flow/${unknown}/state`))).toMatchObject({
      status: 404,
      code: 'not-found',
    });
    expect(await errorOf(await verifyCodeHttp(sandbox.url, unknown, '123456'))).toMatchObject({ status: 404 });
  });
});

describe('POST /flow/:id/steps/:step', () => {
  it('onboards first (never listing it), then validates each step again, in order', async () => {
    const flow = await createFlow(sandbox.url, {
      steps: ['compliance', { name: 'manage-payouts', hide_continue_button: true }, 'payout'],
    });
    const complete = (step: string, fields: unknown) => completeStepHttp(sandbox.url, flow.id, step, fields);

    expect(await errorOf(await complete('compliance', VALID_FIELDS['compliance']))).toMatchObject({
      status: 409,
      code: 'step-out-of-order',
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
    expect((await getFlow(sandbox.url, flow.id)).user_id).toBeNull();

    const onboarded = await complete('onboarding', VALID_FIELDS['onboarding']);
    expect(onboarded.status).toBe(200);
    const { status, state } = (await onboarded.json()) as {
      status: string;
      state: { user_id: string; phone_hint: string };
    };
    expect(status).toBe('completed');
    expect(state.user_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(state.phone_hint).toBe('0100');
    expect(await getFlow(sandbox.url, flow.id)).toMatchObject({ user_id: state.user_id, completed_steps: [] });
    expect(await errorOf(await complete('onboarding', VALID_FIELDS['onboarding']))).toMatchObject({
      status: 409,
      code: 'step-already-completed',
    });

    const { tin: _tin, ...withoutTin } = VALID_FIELDS['compliance'] as Record<string, unknown>;
    expect(await errorOf(await complete('compliance', withoutTin))).toMatchObject({ status: 400, field: 'tin' });
    expect((await complete('compliance', VALID_FIELDS['compliance'])).status).toBe(200);

    const save = async (fields: object) =>
      ((await (await complete('manage-payouts', fields)).json()) as { status: string }).status;
    expect(await save({})).toBe('completed-saved');
    expect(await save({ default_method: 'pm_bank' })).toBe('completed');
    expect(await save({ default_method: 'pm_bank' })).toBe('completed-saved');
    expect(await save({ default_method: 'pm_bank', auto_payout: true })).toBe('completed');
    expect(await save({ auto_payout: true })).toBe('completed-saved');
    expect(await errorOf(await complete('manage-payouts', { default_method: 'pm_stolen' }))).toMatchObject({
      field: 'default_method',
    });

    // The created user is now known: a new flow can be made for them.
    expect((await createFlow(sandbox.url, { steps: ['payout'], user_id: state.user_id })).user_id).toBe(state.user_id);
    expect((await getFlow(sandbox.url, flow.id)).completed_steps).toEqual(['compliance', 'manage-payouts']);
  });

  it('enforces the manage-payouts requirements on the server too', async () => {
    const flow = await createFlow(sandbox.url, {
      steps: [{ name: 'manage-payouts', require_default_payout_method: true, require_auto_payout_method: true }],
      user_id: KNOWN_USER,
      require_auth: true,
    });
    await verifyCodeHttp(sandbox.url, flow.id, '123456');
    const complete = (fields: unknown) => completeStepHttp(sandbox.url, flow.id, 'manage-payouts', fields);
    expect(await errorOf(await complete({ auto_payout: true }))).toMatchObject({
      status: 400,
      field: 'default_method',
    });
    expect(await errorOf(await complete({ default_method: 'pm_venmo' }))).toMatchObject({
      status: 400,
      field: 'auto_payout',
    });
    expect((await complete({ default_method: 'pm_venmo', auto_payout: true })).status).toBe(200);
  });

  it('checks payout amounts against the balance', async () => {
    const flow = await createFlow(sandbox.url, { steps: ['payout'], user_id: KNOWN_USER, require_auth: true });
    await verifyCodeHttp(sandbox.url, flow.id, '123456');
    await fundUser(sandbox.url, KNOWN_USER, 4000);
    const { balance_cents: balance } = (await (await fetch(`${flow.link}/state`)).json()) as { balance_cents: number };
    expect(balance).toBeGreaterThanOrEqual(4000);
    const dollars = (cents: number) => (cents / 100).toFixed(2);
    for (const amount of ['0', '0.00', '-5', 'abc', '', '1.234', '1e3', dollars(balance + 1)]) {
      const response = await completeStepHttp(sandbox.url, flow.id, 'payout', { amount });
      expect(await errorOf(response), amount).toMatchObject({ status: 400, field: 'amount' });
    }
    expect((await completeStepHttp(sandbox.url, flow.id, 'payout', { amount: dollars(balance) })).status).toBe(200);
    expect(await (await fetch(`${flow.link}/state`)).json()).toMatchObject({ balance_cents: 0 });
  });

  it('gives an onboarded user an empty wallet: nothing to withdraw until the app transfers money', async () => {
    const flow = await createFlow(sandbox.url, { steps: ['payout'] });
    expect((await completeStepHttp(sandbox.url, flow.id, 'onboarding', VALID_FIELDS['onboarding'])).status).toBe(200);
    const { user_id: userId, balance_cents: balance } = (await (await fetch(`${flow.link}/state`)).json()) as {
      user_id: string;
      balance_cents: number;
    };
    expect(balance).toBe(0);
    expect(await walletOf(sandbox.url, userId)).toBe(0);
    const refused = await errorOf(await completeStepHttp(sandbox.url, flow.id, 'payout', { amount: '25.00' }));
    expect(refused).toMatchObject({
      status: 400,
      field: 'amount',
      message: expect.stringMatching(/balance is \$0\.00/),
    });
    await fundUser(sandbox.url, userId, 2500);
    expect((await completeStepHttp(sandbox.url, flow.id, 'payout', { amount: '25.00' })).status).toBe(200);
    expect(await walletOf(sandbox.url, userId)).toBe(0);
  });

  it('signs a pdf-form-fill document only with a name and consent', async () => {
    const flow = await createFlow(sandbox.url, {
      steps: [{ name: 'pdf-form-fill', template_id: 'tmpl_w9' }],
      user_id: KNOWN_USER,
    });
    const sign = (fields: unknown) => completeStepHttp(sandbox.url, flow.id, 'pdf-form-fill', fields);
    expect(await errorOf(await sign({ full_name: 'A', agree: true }))).toMatchObject({ field: 'full_name' });
    expect(await errorOf(await sign({ full_name: 'Ada Lovelace', agree: 'yes' }))).toMatchObject({ field: 'agree' });
    expect((await sign(VALID_FIELDS['pdf-form-fill'])).status).toBe(200);
    expect((await getFlow(sandbox.url, flow.id)).completed_steps).toEqual(['pdf-form-fill']);
  });

  it.each([
    ['a text body', 'text/plain', '{"fields": {}}', 415],
    ['a form body', 'application/x-www-form-urlencoded', 'fields=1', 415],
    ['malformed JSON', 'application/json', '{"fields":', 400],
    ['a huge body', 'application/json', JSON.stringify({ fields: { phone: 'x'.repeat(20_000) } }), 413],
  ])('refuses %s', async (_name, type, body, status) => {
    const flow = await createFlow(sandbox.url, { steps: ['payout'] });
    for (const path of ['steps/onboarding', 'auth']) {
      const response = await fetch(`${flow.link}/${path}`, { method: 'POST', headers: { 'content-type': type }, body });
      expect(response.status).toBe(status);
    }
    expect((await getFlow(sandbox.url, flow.id)).user_id).toBeNull();
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
    const flow = await createFlow(sandbox.url, { steps: ['payout'], user_id: KNOWN_USER });
    expect(await errorOf(await completeStepHttp(sandbox.url, flow.id, 'compliance', {}))).toMatchObject({
      status: 404,
      code: 'not-found',
    });
  });
});
