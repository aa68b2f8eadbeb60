import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH, createFlow, getFlow, postFlow } from './test-support/http.js';
import { MAX_API_BODY_BYTES } from './apiRoutes.js';
import { startSandbox } from './startSandbox.js';
import type { Sandbox } from './startSandbox.js';

const b64 = (text: string) => Buffer.from(text).toString('base64');
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, users: ['user_known'] });
});
afterAll(() => sandbox.close());

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(10);
  return body.error.message;
}

describe('authentication', () => {
  it.each([
    ['missing', undefined],
    ['wrong api key', `Basic ${b64('sandbox_client:wrong')}`],
    ['wrong client id', `Basic ${b64('other:sandbox_key')}`],
    ['no colon', `Basic ${b64('sandbox_clientsandbox_key')}`],
    ['not base64', 'Basic sandbox_client:sandbox_key'],
    ['bearer scheme', `Bearer ${b64('sandbox_client:sandbox_key')}`],
    ['empty', ''],
  ])('answers 401 JSON when the Basic header is %s', async (_name, header) => {
    const headers: Record<string, string> = header === undefined ? {} : { authorization: header };
    const post = await fetch(`${sandbox.url}/api/v2/flows`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ steps: ['compliance'] }),
    });
    expect(post.headers.get('www-authenticate')).toMatch(/^Basic/);
    await expectError(post, 401, 'unauthorized');
    await expectError(await fetch(`${sandbox.url}/api/v2/flows/flow_x`, { headers }), 401, 'unauthorized');
  });

  it('grants browsers no CORS: like Dots, the API is for servers holding the key', async () => {
    const response = await fetch(`${sandbox.url}/api/v2/flows`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:6006',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const post = await postFlow(sandbox.url, { steps: ['payout'] });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('POST /api/v2/flows', () => {
  it('returns the flow object directly, onboarding first when there is no user', async () => {
    const response = await postFlow(sandbox.url, { steps: ['compliance', { name: 'manage-payouts' }] });
    expect(response.status).toBe(200);
    const flow = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(flow).sort()).toEqual([
      'completed_steps',
      'created',
      'id',
      'link',
      'metadata',
      'steps',
      'user_id',
    ]);
    expect(flow).toMatchObject({
      user_id: null,
      steps: ['onboarding', 'compliance', 'manage-payouts'],
      completed_steps: [],
      metadata: {},
    });
    expect(flow['id']).toMatch(/^flow_[0-9a-f]{24}$/);
    expect(flow['link']).toBe(`${sandbox.url}/flow/${String(flow['id'])}`);
    expect(new Date(String(flow['created'])).toISOString()).toBe(flow['created']);
  });

  it('starts authenticated for a known user, and GET returns the same flow with its metadata', async () => {
    const metadata = { order: 'A-1', 'emoji ✓': 'naïve "quoted" \\ value', empty: '' };
    const created = await createFlow(sandbox.url, {
      steps: ['payout', { name: 'redirect', redirect_url: 'https://example.com/back?x=1' }],
      user_id: 'user_known',
      metadata,
      hide_go_to_dashboard_on_complete: true,
    });
    expect(created.user_id).toBe('user_known');
    expect(created.steps).toEqual(['payout', 'redirect']);
    expect(created.metadata).toEqual(metadata);
    expect(await getFlow(sandbox.url, created.id)).toEqual(created);
  });

  it('puts onboarding first for a known user when require_auth is true', async () => {
    const flow = await createFlow(sandbox.url, { steps: ['payout'], user_id: 'user_known', require_auth: true });
    expect(flow.steps).toEqual(['onboarding', 'payout']);
    expect(flow.user_id).toBe('user_known');
  });

  it.each([
    ['no steps', {}, 'invalid_steps', /steps/],
    ['empty steps', { steps: [] }, 'invalid_steps', /non-empty/],
    ['steps as a string', { steps: 'compliance' }, 'invalid_steps', /array/],
    ['a number step', { steps: [42] }, 'invalid_steps', /steps\[0\]/],
    ['a null step', { steps: [null] }, 'invalid_steps', /steps\[0\]/],
    ['a nested array step', { steps: [['compliance']] }, 'invalid_steps', /steps\[0\]/],
    [
      'an unknown step',
      { steps: ['compliance', 'kyc'] },
      'invalid_steps',
      /unknown step "kyc".*Known steps: compliance/,
    ],
    ['a step object without name', { steps: [{ hide_continue_button: true }] }, 'invalid_steps', /unknown step/],
    ['the onboarding step', { steps: ['onboarding'] }, 'invalid_steps', /added automatically/],
    ['the authorization step', { steps: [{ name: 'authorization' }] }, 'invalid_steps', /added automatically/],
    ['a repeated step', { steps: ['payout', { name: 'payout' }] }, 'invalid_steps', /listed twice/],
    ['redirect without redirect_url', { steps: ['redirect'] }, 'invalid_steps', /redirect_url/],
    [
      'a javascript: redirect_url',
      { steps: [{ name: 'redirect', redirect_url: 'javascript:alert(1)' }] },
      'invalid_steps',
      /http/,
    ],
    ['a relative redirect_url', { steps: [{ name: 'redirect', redirect_url: '/done' }] }, 'invalid_steps', /absolute/],
    [
      'redirect_url on another step',
      { steps: [{ name: 'payout', redirect_url: 'https://a.example' }] },
      'invalid_steps',
      /only allowed/,
    ],
    [
      'a string hide_continue_button',
      { steps: [{ name: 'payout', hide_continue_button: 'yes' }] },
      'invalid_steps',
      /true or false/,
    ],
    [
      'an unknown step option',
      { steps: [{ name: 'payout', hideContinueButton: true }] },
      'invalid_steps',
      /unknown option "hideContinueButton"/,
    ],
    ['too many steps', { steps: Array.from({ length: 8 }, () => 'payout') }, 'invalid_steps', /at most 7/],
    ['an unknown field', { steps: ['payout'], userId: 'x' }, 'unknown_field', /"userId"/],
    ['a number user_id', { steps: ['payout'], user_id: 42 }, 'invalid_user_id', /user_id/],
    ['an empty user_id', { steps: ['payout'], user_id: '' }, 'invalid_user_id', /user_id/],
    ['an unknown user_id', { steps: ['payout'], user_id: 'user_nobody' }, 'unknown_user', /No user "user_nobody"/],
    ['metadata as an array', { steps: ['payout'], metadata: ['a'] }, 'invalid_metadata', /object/],
    ['metadata as a string', { steps: ['payout'], metadata: 'a=b' }, 'invalid_metadata', /object/],
    ['a number metadata value', { steps: ['payout'], metadata: { amount: 5 } }, 'invalid_metadata', /metadata.amount/],
    ['a nested metadata value', { steps: ['payout'], metadata: { a: { b: 'c' } } }, 'invalid_metadata', /string/],
    ['a long metadata key', { steps: ['payout'], metadata: { ['k'.repeat(41)]: 'v' } }, 'invalid_metadata', /keys/],
    ['a long metadata value', { steps: ['payout'], metadata: { k: 'v'.repeat(501) } }, 'invalid_metadata', /500/],
    [
      'too many metadata keys',
      { steps: ['payout'], metadata: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])) },
      'invalid_metadata',
      /50/,
    ],
    [
      'a string flag',
      { steps: ['payout'], hide_go_to_dashboard_on_complete: 'true' },
      'invalid_field',
      /true or false/,
    ],
    ['a number require_auth', { steps: ['payout'], require_auth: 1 }, 'invalid_field', /require_auth/],
    ['an array body', [{ steps: ['payout'] }], 'invalid_body', /JSON object/],
    ['a null body', null, 'invalid_body', /JSON object/],
    ['a number body', 42, 'invalid_body', /JSON object/],
  ])('answers 400 for %s', async (_name, body, code, message) => {
    expect(await expectError(await postFlow(sandbox.url, body), 400, code)).toMatch(message);
  });

  it.each([
    ['malformed JSON', '{"steps": ["compliance"'],
    ['an empty body', ''],
    ['trailing garbage', '{"steps": ["compliance"]} x'],
    ['form encoding', 'steps=compliance'],
  ])('answers 400 invalid_json for %s', async (_name, raw) => {
    await expectError(await postFlow(sandbox.url, raw), 400, 'invalid_json');
  });

  it('answers 413 for a body over the limit, without reading it all', async () => {
    const huge = JSON.stringify({ steps: ['payout'], metadata: { big: 'x'.repeat(MAX_API_BODY_BYTES) } });
    await expectError(await postFlow(sandbox.url, huge), 413, 'body_too_large');
  });

  it('rejects __proto__ anywhere without polluting prototypes', async () => {
    const top = '{"steps": ["payout"], "__proto__": {"polluted": "yes"}}';
    await expectError(await postFlow(sandbox.url, top), 400, 'unknown_field');
    const inMetadata = '{"steps": ["payout"], "metadata": {"__proto__": {"polluted": "yes"}}}';
    await expectError(await postFlow(sandbox.url, inMetadata), 400, 'invalid_metadata');
    const stringProto = '{"steps": ["payout"], "metadata": {"__proto__": "x"}}';
    expect(await expectError(await postFlow(sandbox.url, stringProto), 400, 'invalid_metadata')).toMatch(/reserved/);
    const inStep = '{"steps": [{"name": "payout", "__proto__": {"hide_continue_button": true}}]}';
    await expectError(await postFlow(sandbox.url, inStep), 400, 'invalid_steps');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('GET /api/v2/flows/:id', () => {
  it.each(['flow_000000000000000000000000', 'nope', '..%2F..%2Fpackage.json', '%00'])(
    'answers 404 JSON for %j',
    async (id) => {
      const response = await fetch(`${sandbox.url}/api/v2/flows/${id}`, { headers: { authorization: AUTH } });
      await expectError(response, 404, 'flow_not_found');
    },
  );

  it('answers 404 JSON for unknown API paths and methods', async () => {
    await expectError(
      await fetch(`${sandbox.url}/api/v2/users`, { headers: { authorization: AUTH } }),
      404,
      'not_found',
    );
    const del = await fetch(`${sandbox.url}/api/v2/flows`, { method: 'DELETE', headers: { authorization: AUTH } });
    await expectError(del, 404, 'not_found');
    await expectError(await fetch(`${sandbox.url}/nothing/here`), 404, 'not_found');
  });
});
