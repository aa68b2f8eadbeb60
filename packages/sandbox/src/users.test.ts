import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CODE } from '../page/stepRules.js';
import { expectApiError } from './test-support/expectApiError.js';
import { KNOWN_USER, VALID_FIELDS, completeStepHttp, createFlow, getFlow } from './test-support/http.js';
import { callApi, createUser, newUserBody } from './test-support/moneyApi.js';
import type { UserAnswer } from './test-support/moneyApi.js';
import { startSandbox } from './startSandbox.js';
import type { Sandbox } from './startSandbox.js';

let sandbox: Sandbox;
let strictSandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, users: [KNOWN_USER] });
  strictSandbox = await startSandbox({ port: 0, strict: true });
});
afterAll(() => Promise.all([sandbox.close(), strictSandbox.close()]));

describe('GET /v2/users/{id} after a manage-payouts step', () => {
  it.each([
    ['pm_paypal', 'paypal'],
    ['pm_venmo', 'venmo'],
    ['pm_bank', 'ach'],
  ])('names the default chosen on the page (%s) by its rail, %s', async (method, rail) => {
    const user = await createUser(sandbox.url);
    const before = (await (await callApi(sandbox.url, 'GET', `/users/${user.id}`)).json()) as UserAnswer;
    expect(before.default_payout_method).toBeNull();
    const flow = await createFlow(sandbox.url, { steps: ['manage-payouts'], user_id: user.id });
    const saved = await completeStepHttp(sandbox.url, flow.id, 'manage-payouts', { default_method: method });
    expect(saved.status).toBe(200);
    const after = (await (await callApi(sandbox.url, 'GET', `/users/${user.id}`)).json()) as UserAnswer;
    expect(after.default_payout_method).toBe(rail);
  });
});

describe('POST /v2/users', () => {
  it('creates an unverified user with an empty wallet, readable by id', async () => {
    const user = await createUser(sandbox.url, { metadata: { internal_id: 'user_121344' } });
    expect(user).toMatchObject({
      first_name: 'Bob',
      last_name: 'Loblaw',
      phone_number: { country_code: '1', phone_number: '4155550100' },
      status: 'unverified',
      wallet: { amount: 0, withdrawable_amount: 0, credit_balance: 0 },
      compliance: { has_criminal_activity: false, id_verified: false },
      metadata: { internal_id: 'user_121344' },
    });
    const read = await callApi(sandbox.url, 'GET', `/users/${user.id}`);
    expect(await read.json()).toEqual(user);
  });

  it.each([
    ['no first_name', { first_name: undefined }, 'first_name'],
    ['an empty first_name', { first_name: '' }, 'first_name'],
    ['a 51-character last_name', { last_name: 'x'.repeat(51) }, 'last_name'],
    ['a numeric first_name', { first_name: 42 }, 'first_name'],
    ['an email without @', { email: 'bob.example.com' }, 'email'],
    ['no email', { email: undefined }, 'email'],
    ['a "+1" country code', { country_code: '+1' }, 'country_code'],
    ['a numeric country code', { country_code: 1 }, 'country_code'],
    ['a phone with dashes', { phone_number: '415-555-0100' }, 'phone_number'],
    ['a 21-digit phone', { phone_number: '1'.repeat(21) }, 'phone_number'],
    ['an invalid birth date', { date_of_birth: '1990-13-01' }, 'date_of_birth'],
    ['array metadata', { metadata: [1] }, 'metadata'],
    ['an empty username', { username: '' }, 'username'],
  ])('refuses %s with 400 invalid-input naming the field', async (_name, change, field) => {
    const body: Record<string, unknown> = { ...newUserBody(), ...change };
    for (const key of Object.keys(change)) if ((change as Record<string, unknown>)[key] === undefined) delete body[key];
    const error = await expectApiError(await callApi(sandbox.url, 'POST', '/users', body), 400, 'invalid-input');
    expect(error.field).toBe(field);
  });

  it('refuses bodies that are not a JSON object, and too-large ones', async () => {
    for (const body of ['{"first_name":', '[]', 'null', '"bob"', '42']) {
      await expectApiError(await callApi(sandbox.url, 'POST', '/users', body), 400, 'invalid-input');
    }
    const huge = newUserBody({ metadata: 'x'.repeat(70_000) });
    await expectApiError(await callApi(sandbox.url, 'POST', '/users', huge), 413, 'request-too-large');
  });

  it('ignores __proto__ and unknown fields, but strict mode names them', async () => {
    const body = `{"__proto__":{"first_name":"Eve"},"nickname":"b",${JSON.stringify(newUserBody()).slice(1)}`;
    expect((await callApi(sandbox.url, 'POST', '/users', body)).status).toBe(201);
    const error = await expectApiError(
      await callApi(strictSandbox.url, 'POST', '/users', newUserBody({ nickname: 'b' })),
      400,
      'invalid-input',
    );
    expect(error.field).toBe('nickname');
  });

  it('needs the API credentials', async () => {
    const response = await fetch(`${sandbox.url}/api/v2/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(newUserBody()),
    });
    await expectApiError(response, 401, 'unauthorized');
  });
});

describe('GET /v2/users/{id}', () => {
  it('is a 404 for unknown, malformed and hostile ids', async () => {
    for (const id of ['3f1c2b0e-8d4a-4c6f-9a7b-000000000000', 'not-a-uuid', '..%2F..%2Fflows', '%00']) {
      await expectApiError(await callApi(sandbox.url, 'GET', `/users/${id}`), 404, 'not-found');
    }
  });

  it('shows a seeded user and a user made by onboarding as the same resource', async () => {
    const seeded = (await (await callApi(sandbox.url, 'GET', `/users/${KNOWN_USER}`)).json()) as UserAnswer;
    expect(seeded).toMatchObject({ id: KNOWN_USER, status: 'verified' });
    const flow = await createFlow(sandbox.url, { steps: ['background-check'] });
    expect((await completeStepHttp(sandbox.url, flow.id, 'onboarding', VALID_FIELDS.onboarding)).ok).toBe(true);
    const onboarded = (await getFlow(sandbox.url, flow.id)) as { user_id: string };
    const before = (await (await callApi(sandbox.url, 'GET', `/users/${onboarded.user_id}`)).json()) as UserAnswer;
    expect(before).toMatchObject({
      status: 'verified',
      phone_number: { country_code: '1', phone_number: '4155550100' },
    });
    expect(before.compliance.background_check).toBeUndefined();
    expect(
      (await completeStepHttp(sandbox.url, flow.id, 'background-check', VALID_FIELDS['background-check'])).ok,
    ).toBe(true);
    const after = (await (await callApi(sandbox.url, 'GET', `/users/${onboarded.user_id}`)).json()) as UserAnswer;
    expect(after.compliance).toMatchObject({ has_criminal_activity: false, background_check: { status: 'pass' } });
    const list = (await (await callApi(sandbox.url, 'GET', '/users?limit=100')).json()) as { data: UserAnswer[] };
    expect(list.data.map((user) => user.id)).toContain(onboarded.user_id);
  });
});

describe('GET /v2/users', () => {
  it('pages newest first with limit and cursors, and filters by status', async () => {
    const fresh = await startSandbox({ port: 0 });
    try {
      const made: string[] = [];
      for (let i = 0; i < 5; i += 1) made.push((await createUser(fresh.url)).id);
      const newestFirst = [...made].reverse();
      const first = (await (await callApi(fresh.url, 'GET', '/users?limit=2')).json()) as {
        has_more: boolean;
        data: UserAnswer[];
      };
      expect(first.has_more).toBe(true);
      expect(first.data.map((u) => u.id)).toEqual(newestFirst.slice(0, 2));
      const next = (await (
        await callApi(fresh.url, 'GET', `/users?limit=2&starting_after=${newestFirst[1]}`)
      ).json()) as {
        data: UserAnswer[];
      };
      expect(next.data.map((u) => u.id)).toEqual(newestFirst.slice(2, 4));
      const back = (await (await callApi(fresh.url, 'GET', `/users?ending_before=${newestFirst[2]}`)).json()) as {
        data: UserAnswer[];
      };
      expect(back.data.map((u) => u.id)).toEqual(newestFirst.slice(0, 2));
      await callApi(fresh.url, 'POST', `/users/${made[0]}/verify`, { token: TEST_CODE });
      const verified = (await (await callApi(fresh.url, 'GET', '/users?status=verified')).json()) as {
        data: UserAnswer[];
      };
      expect(verified.data.map((u) => u.id)).toEqual([made[0]]);
    } finally {
      await fresh.close();
    }
  });

  it.each([
    ['?limit=0', 'limit'],
    ['?limit=101', 'limit'],
    ['?limit=abc', 'limit'],
    ['?starting_after=nope', 'starting_after'],
    [`?starting_after=${KNOWN_USER.replace('3f', '00')}`, 'starting_after'],
    ['?status=banned', 'status'],
  ])('refuses %s', async (query, field) => {
    const error = await expectApiError(await callApi(sandbox.url, 'GET', `/users${query}`), 400, 'invalid-input');
    expect(error.field).toBe(field);
  });
});

describe('send-verification-token and verify', () => {
  it('accepts the request and verifies the user with the sandbox code', async () => {
    const user = await createUser(sandbox.url);
    const sent = await callApi(sandbox.url, 'POST', `/users/${user.id}/send-verification-token`, { use_voice: true });
    expect(sent.status).toBe(202);
    expect(await sent.json()).toEqual({});
    expect((await callApi(sandbox.url, 'POST', `/users/${user.id}/send-verification-token`)).status).toBe(202);
    const error = await expectApiError(
      await callApi(sandbox.url, 'POST', `/users/${user.id}/verify`, { token: '000000' }),
      400,
      'invalid-input',
    );
    expect(error.message).toContain(TEST_CODE);
    const verified = await callApi(sandbox.url, 'POST', `/users/${user.id}/verify`, { token: TEST_CODE });
    expect(verified.status).toBe(200);
    expect(((await verified.json()) as UserAnswer).status).toBe('verified');
  });

  it('refuses malformed bodies and unknown users', async () => {
    const user = await createUser(sandbox.url);
    for (const body of [{}, { token: 123456 }, { token: '12345' }, '[', 'null']) {
      await expectApiError(await callApi(sandbox.url, 'POST', `/users/${user.id}/verify`, body), 400, 'invalid-input');
    }
    for (const body of [{ use_voice: 'yes' }, '[1]', '{']) {
      await expectApiError(
        await callApi(sandbox.url, 'POST', `/users/${user.id}/send-verification-token`, body),
        400,
        'invalid-input',
      );
    }
    for (const path of ['verify', 'send-verification-token']) {
      await expectApiError(
        await callApi(sandbox.url, 'POST', `/users/not-a-user/${path}`, { token: TEST_CODE }),
        404,
        'not-found',
      );
    }
  });
});
