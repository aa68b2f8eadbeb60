import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractChecks } from '../test-support/contractHarness.js';
import { KNOWN_USER, createFlow, listFlows } from '../test-support/http.js';
import { RESPONSE_OBSERVER_KEY } from '../responseObserver.js';
import type { ObservedResponse } from '../responseObserver.js';
import { startSandbox } from '../startSandbox.js';
import type { Sandbox } from '../startSandbox.js';
import {
  EMPTY_ACK_SCHEMA_ID,
  ERROR_BODY_SCHEMA_ID,
  TRANSFER_LIST_SCHEMA_ID,
  TRANSFER_SCHEMA_ID,
  USER_LIST_SCHEMA_ID,
  USER_SCHEMA_ID,
  USER_UPDATED_EVENT_SCHEMA_ID,
  WEBHOOK_EVENT_SCHEMAS,
  WEBHOOK_METHOD,
  FLOW_LIST_SCHEMA_ID,
  FLOW_SCHEMA_ID,
  checkResponse,
  createContractValidator,
} from './index.js';

const validator = createContractValidator();

/** The shape of the flow in Dots' own sandbox answers (`docs/guides/flow-payouts.mdx`). */
const DOTS_EXAMPLE = {
  completed_steps: [],
  created: '2024-07-11T21:10:30.846081',
  id: 'b3293101-35ef-451a-aad4-881da3697c2f',
  link: 'https://my-sandbox.dots.dev/flow/b3293101-35ef-451a-aad4-881da3697c2f',
  metadata: null,
  payout_link_id: null,
  steps: ['compliance'],
  user_id: 'f33919ae-6793-41bd-b512-1ad3c19f4ecb',
};

describe('the flow schema', () => {
  it('accepts the flow Dots answers in its guide, and the variants its spec allows', () => {
    expect(validator.problems(FLOW_SCHEMA_ID, DOTS_EXAMPLE)).toEqual([]);
    for (const variant of [
      { user_id: null },
      { metadata: 'order=1' },
      { metadata: { nested: { a: [1, true] } } },
      { created: '2020-12-09T00:40:51.107Z' },
      { created: '2024-07-11T21:10:30' },
      { payout_link_id: '6ad6b948-422d-4fc4-bd6c-fe1521639a2b' },
      { steps: ['payout', 'pdf-form-fill'], completed_steps: ['payout'] },
    ]) {
      expect(validator.problems(FLOW_SCHEMA_ID, { ...DOTS_EXAMPLE, ...variant }), JSON.stringify(variant)).toEqual([]);
    }
  });

  it.each([
    ['the old flow_ id', { id: 'flow_0123456789abcdef01234567' }, /\/id/],
    ['a user_ id', { user_id: 'user_0123' }, /\/user_id/],
    ['onboarding in steps', { steps: ['onboarding', 'compliance'] }, /\/steps\/0/],
    ['a step listed twice', { completed_steps: ['payout', 'payout'] }, /completed_steps/],
    ['number metadata', { metadata: 5 }, /\/metadata/],
    ['a date without time', { created: '2024-07-11' }, /\/created/],
    ['a relative link', { link: '/flow/x' }, /\/link/],
    ['an extra field', { updated: '2024-07-11T21:10:30' }, /additional/],
  ])('refuses %s', (_name, change, problem) => {
    const problems = validator.problems(FLOW_SCHEMA_ID, { ...DOTS_EXAMPLE, ...change });
    expect(problems.join('\n')).toMatch(problem);
  });

  it('refuses a flow missing payout_link_id or metadata', () => {
    const { payout_link_id: _a, metadata: _b, ...rest } = DOTS_EXAMPLE;
    expect(validator.problems(FLOW_SCHEMA_ID, rest).join('\n')).toMatch(
      /payout_link_id[\s\S]*metadata|metadata[\s\S]*payout_link_id/,
    );
  });
});

describe('the list and error schemas', () => {
  it('hold a page of flows and refuse a bad one', () => {
    expect(validator.problems(FLOW_LIST_SCHEMA_ID, { has_more: false, data: [DOTS_EXAMPLE] })).toEqual([]);
    expect(validator.problems(FLOW_LIST_SCHEMA_ID, { has_more: 'no', data: [] })).not.toEqual([]);
    expect(validator.problems(FLOW_LIST_SCHEMA_ID, { has_more: false, data: [{ id: 'x' }] })).not.toEqual([]);
    expect(validator.problems(FLOW_LIST_SCHEMA_ID, { data: [] })).not.toEqual([]);
  });

  it('want kebab-case codes and a real message', () => {
    expect(
      validator.problems(ERROR_BODY_SCHEMA_ID, { error: { code: 'invalid-input', message: 'Fix the steps.' } }),
    ).toEqual([]);
    expect(
      validator.problems(ERROR_BODY_SCHEMA_ID, { error: { code: 'invalid_steps', message: 'Fix the steps.' } }),
    ).not.toEqual([]);
    expect(validator.problems(ERROR_BODY_SCHEMA_ID, { error: { code: 'invalid-input', message: '' } })).not.toEqual([]);
    expect(validator.problems(ERROR_BODY_SCHEMA_ID, { message: 'Fix the steps.' })).not.toEqual([]);
  });

  it('name a missing schema instead of passing', () => {
    expect(validator.problems('https://dots-flow.dev/contract/nothing.json', {})).toEqual([
      'no schema "https://dots-flow.dev/contract/nothing.json" in the contract',
    ]);
    expect(() => validator.assert(FLOW_SCHEMA_ID, {})).toThrow(/Does not match/);
  });
});

describe('checkResponse', () => {
  const json = 'application/json';
  const response = (over: Partial<ObservedResponse>): ObservedResponse => ({
    method: 'GET',
    path: `/api/v2/flows/${DOTS_EXAMPLE.id}`,
    status: 200,
    contentType: json,
    body: JSON.stringify(DOTS_EXAMPLE),
    ...over,
  });

  it('picks the schema by route and status', () => {
    expect(checkResponse(validator, response({}))).toEqual({ schemaId: FLOW_SCHEMA_ID, problems: [] });
    const list = response({ path: '/api/v2/flows/', body: JSON.stringify({ has_more: false, data: [] }) });
    expect(checkResponse(validator, list)).toEqual({ schemaId: FLOW_LIST_SCHEMA_ID, problems: [] });
    const error = response({ status: 404, body: '{"error":{"code":"not-found","message":"No flow here."}}' });
    expect(checkResponse(validator, error)).toEqual({ schemaId: ERROR_BODY_SCHEMA_ID, problems: [] });
  });

  it('flags what breaks the contract', () => {
    const bad = (over: Partial<ObservedResponse>) => checkResponse(validator, response(over)).problems.join('\n');
    expect(bad({ body: JSON.stringify({ ...DOTS_EXAMPLE, steps: ['onboarding'] }) })).toMatch(
      /GET .* → 200: \/steps\/0/,
    );
    expect(bad({ method: 'GET', path: '/api/v2/payouts' })).toMatch(/no schema in RESPONSE_CONTRACTS/);
    expect(bad({ contentType: 'text/html' })).toMatch(/not JSON/);
    expect(bad({ body: '{"id":' })).toMatch(/not valid JSON/);
    expect(bad({ status: 400, body: '{"error":{"code":"invalid_steps","message":"Fix the steps."}}' })).toMatch(
      /pattern/,
    );
    expect(bad({ path: '/flow/x/state', status: 410, body: '{"error":"gone"}' })).toMatch(/\/error/);
  });

  it('leaves page files and page state alone', () => {
    expect(
      checkResponse(validator, response({ path: '/flow/flow.js', contentType: 'text/javascript', body: 'x' })),
    ).toEqual({
      schemaId: null,
      problems: [],
    });
    expect(
      checkResponse(validator, response({ path: '/flow/x', status: 404, contentType: 'text/html', body: '<p>' })),
    ).toEqual({
      schemaId: null,
      problems: [],
    });
  });
});

describe('the harness (vitest setup file of the node project)', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, users: [KNOWN_USER] });
  });
  afterAll(() => sandbox.close());

  it('observes every response of a real sandbox and holds it against the contract', async () => {
    expect(typeof (globalThis as Record<symbol, unknown>)[RESPONSE_OBSERVER_KEY]).toBe('function');
    const before = contractChecks.count;
    await createFlow(sandbox.url, { steps: ['payout'], user_id: KNOWN_USER });
    await listFlows(sandbox.url, '?limit=0');
    await listFlows(sandbox.url);
    expect(contractChecks.count - before).toBe(3);
  });
});

describe('the user and transfer schemas', () => {
  /** The transfer in Dots' `transfer.completed` example (`docs/references/webhooks.mdx`), with real values. */
  const DOTS_TRANSFER = {
    amount: 123,
    created: '2023-11-07T05:31:56Z',
    id: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
    metadata: 'order=1',
    status: 'completed',
    transactions: [
      {
        amount: 123,
        created: '2023-11-07T05:31:56Z',
        destination_name: 'app',
        id: 123,
        metadata: 'order=1',
        source_name: 'Bob Loblaw',
        type: 'balance',
        transfer_id: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
      },
    ],
    type: 'refill',
    user_id: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
  };
  const USER = {
    id: DOTS_EXAMPLE.user_id,
    first_name: 'Bob',
    last_name: 'Loblaw',
    email: 'bob@bobloblaw.com',
    phone_number: { country_code: '1', phone_number: '4154332334' },
    wallet: { amount: 0, withdrawable_amount: 0, credit_balance: 0 },
    status: 'unverified',
    compliance: { flagged: false, id_verified: false, has_criminal_activity: false },
    metadata: { internal_id: 'user_121344' },
  };

  it('accept Dots-shaped objects', () => {
    expect(validator.problems(TRANSFER_SCHEMA_ID, DOTS_TRANSFER)).toEqual([]);
    expect(validator.problems(USER_SCHEMA_ID, USER)).toEqual([]);
    const bg = { ...USER.compliance, background_check: { status: 'failed', updated: '2024-07-11T21:10:30.846081' } };
    expect(validator.problems(USER_SCHEMA_ID, { ...USER, compliance: bg })).toEqual([]);
    expect(validator.problems(USER_LIST_SCHEMA_ID, { has_more: false, data: [USER] })).toEqual([]);
    expect(validator.problems(TRANSFER_LIST_SCHEMA_ID, { has_more: true, data: [DOTS_TRANSFER] })).toEqual([]);
  });

  it.each([
    [TRANSFER_SCHEMA_ID, { amount: 1.5 }, /\/amount/],
    [TRANSFER_SCHEMA_ID, { amount: 0 }, /\/amount/],
    [TRANSFER_SCHEMA_ID, { status: 'done' }, /\/status/],
    [TRANSFER_SCHEMA_ID, { transactions: [] }, /\/transactions/],
    [TRANSFER_SCHEMA_ID, { id: 'tr_1' }, /\/id/],
    [USER_SCHEMA_ID, { wallet: { amount: -1, withdrawable_amount: 0, credit_balance: 0 } }, /\/wallet\/amount/],
    [USER_SCHEMA_ID, { status: 'active' }, /\/status/],
    [USER_SCHEMA_ID, { email: 'not an email' }, /\/email/],
    [USER_SCHEMA_ID, { default_payout_method: 'pm_bank' }, /\/default_payout_method/],
    [USER_SCHEMA_ID, { compliance: { flagged: false, id_verified: false } }, /has_criminal_activity/],
  ])('%s refuses %j', (schemaId, change, problem) => {
    const base = schemaId === USER_SCHEMA_ID ? USER : DOTS_TRANSFER;
    expect(validator.problems(schemaId, { ...base, ...change }).join('\n')).toMatch(problem);
  });

  it('want send-verification-token to answer an empty object', () => {
    expect(validator.problems(EMPTY_ACK_SCHEMA_ID, {})).toEqual([]);
    expect(validator.problems(EMPTY_ACK_SCHEMA_ID, { ok: true })).not.toEqual([]);
  });
});

describe('the user.updated* event schema', () => {
  const userId = 'f33919ae-6793-41bd-b512-1ad3c19f4ecb';
  const event = (type: string, body: unknown): ObservedResponse => ({
    method: WEBHOOK_METHOD,
    path: type,
    status: 200,
    contentType: 'application/json',
    body: JSON.stringify(body),
  });

  it('holds each user event the sandbox sends to `{ event, user_id }`, its event equal to its type', () => {
    for (const type of [
      'user.updated',
      'user.updated.id_verified',
      'user.updated.background_check',
      'user.updated.default_payout_method_changed',
    ]) {
      const checked = checkResponse(validator, event(type, { event: type, user_id: userId }));
      expect(checked).toEqual({ schemaId: WEBHOOK_EVENT_SCHEMAS[type], problems: [] });
      expect(checkResponse(validator, event(type, { event: type, user_id: 'u_1' })).problems.join()).toMatch(
        /\/user_id/,
      );
      expect(checkResponse(validator, event(type, { event: type })).problems.join()).toMatch(/user_id/);
      // `event` is required and names this very type (webhooks.yaml's const), nothing else rides along.
      expect(checkResponse(validator, event(type, { user_id: userId })).problems.join()).toMatch(/event/);
      expect(
        checkResponse(validator, event(type, { event: 'user.updated.x', user_id: userId })).problems.join(),
      ).toMatch(/\/event/);
      expect(
        checkResponse(validator, event(type, { event: type, user_id: userId, api_app_id: null })).problems,
      ).not.toEqual([]);
    }
    expect(WEBHOOK_EVENT_SCHEMAS['user.updated']).toBe(USER_UPDATED_EVENT_SCHEMA_ID);
    // A user event the sandbox does not send has no schema: sending it would be flagged.
    expect(
      checkResponse(
        validator,
        event('user.updated.payout_method', { event: 'user.updated.payout_method', user_id: userId }),
      ).problems.join(),
    ).toMatch(/no schema/);
  });
});
