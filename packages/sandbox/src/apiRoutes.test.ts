import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH, KNOWN_USER, createFlow, getFlow, postFlow } from './test-support/http.js';
import { expectApiError } from './test-support/expectApiError.js';
import { startSandbox } from './startSandbox.js';
import type { Sandbox } from './startSandbox.js';

const b64 = (text: string) => Buffer.from(text).toString('base64');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
let sandbox: Sandbox;
let clock = Date.parse('2030-01-02T03:04:05.678Z');

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, users: [KNOWN_USER], now: () => clock });
});
afterAll(() => sandbox.close());

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
    await expectApiError(post, 401, 'unauthorized');
    await expectApiError(await fetch(`${sandbox.url}/api/v2/flows`, { headers }), 401, 'unauthorized');
    await expectApiError(await fetch(`${sandbox.url}/api/v2/flows/${KNOWN_USER}`, { headers }), 401, 'unauthorized');
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
  it('returns the flow object exactly as Dots does: UUID id, naive timestamp, requested steps only', async () => {
    const response = await postFlow(sandbox.url, { steps: ['compliance', { name: 'manage-payouts' }] });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await response.text();
    const flow = JSON.parse(text) as Record<string, unknown>;
    // The keys in the alphabetical order of Dots' real responses (docs/guides/flow-payouts.mdx).
    expect(Object.keys(flow)).toEqual([
      'completed_steps',
      'created',
      'id',
      'link',
      'metadata',
      'payout_link_id',
      'steps',
      'user_id',
    ]);
    expect(flow).toEqual({
      completed_steps: [],
      created: '2030-01-02T03:04:05.678000',
      id: expect.stringMatching(UUID),
      link: `${sandbox.url}/flow/${String(flow['id'])}`,
      metadata: null,
      payout_link_id: null,
      steps: ['compliance', 'manage-payouts'],
      user_id: null,
    });
  });

  it('prints whole seconds without a fraction, as Python does', async () => {
    const saved = clock;
    clock = Date.parse('2030-01-01T00:00:00Z');
    try {
      expect((await createFlow(sandbox.url, { steps: ['payout'] })).created).toBe('2030-01-01T00:00:00');
    } finally {
      clock = saved;
    }
  });

  it('accepts the guides’ trailing slash', async () => {
    const response = await fetch(`${sandbox.url}/api/v2/flows/`, {
      method: 'POST',
      headers: { authorization: AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ steps: ['compliance'] }),
    });
    expect(response.status).toBe(200);
    const flow = (await response.json()) as { id: string };
    const again = await fetch(`${sandbox.url}/api/v2/flows/${flow.id}/`, { headers: { authorization: AUTH } });
    expect(((await again.json()) as { id: string }).id).toBe(flow.id);
  });

  it.each([
    ['an object', { order: 'A-1', 'emoji ✓': 'naïve "quoted" \\ value', nested: { n: 1, list: [true, null] } }],
    ['a string, as in the spec', 'order=A-1'],
    ['an empty string', ''],
    ['an empty object', {}],
  ])('keeps metadata given as %s, and GET returns the same flow', async (_name, metadata) => {
    const created = await createFlow(sandbox.url, { steps: ['payout'], user_id: KNOWN_USER, metadata });
    expect(created.metadata).toEqual(metadata);
    expect(await getFlow(sandbox.url, created.id)).toEqual(created);
  });

  it('starts a known user’s flow with their user_id and lists only the requested steps, also with require_auth', async () => {
    for (const requireAuth of [false, true]) {
      const flow = await createFlow(sandbox.url, {
        steps: ['payout', { name: 'redirect', redirect_url: 'https://example.com/back?x=1' }],
        user_id: KNOWN_USER,
        require_auth: requireAuth,
        hide_go_to_dashboard_on_complete: true,
      });
      expect(flow).toMatchObject({ user_id: KNOWN_USER, steps: ['payout', 'redirect'], completed_steps: [] });
    }
  });

  it('accepts every step and every option the spec and guides give', async () => {
    const steps = [
      { name: 'compliance', hide_continue_button: true },
      'id-verification',
      'background-check',
      {
        name: 'manage-payouts',
        auto_payout_enabled: false,
        require_default_payout_method: true,
        require_auto_payout_method: true,
      },
      'manage-payments',
      { name: 'payout', payout_fee_party: 'user', auto_payout_enabled: true },
      { name: 'redirect', redirect_url: 'http://127.0.0.1:3000/done' },
      { name: 'pdf-form-fill', template_id: 'tmpl_123' },
    ];
    const flow = await createFlow(sandbox.url, { steps });
    expect(flow.steps).toEqual(steps.map((step) => (typeof step === 'string' ? step : step.name)));
  });

  it('gives every flow its own id', async () => {
    const ids = await Promise.all(
      Array.from({ length: 5 }, async () => (await createFlow(sandbox.url, { steps: ['payout'] })).id),
    );
    expect(new Set(ids).size).toBe(5);
  });
});

describe('GET /api/v2/flows/:id', () => {
  it.each([
    '00000000-0000-4000-8000-000000000000',
    'nope',
    'flow_000000000000000000000000',
    '..%2F..%2Fpackage.json',
    '%00',
  ])('answers 404 JSON for %j', async (id) => {
    const response = await fetch(`${sandbox.url}/api/v2/flows/${id}`, { headers: { authorization: AUTH } });
    await expectApiError(response, 404, 'not-found');
  });

  it('answers 404 JSON for unknown API paths and methods', async () => {
    const get = (path: string, method = 'GET') =>
      fetch(`${sandbox.url}${path}`, { method, headers: { authorization: AUTH } });
    await expectApiError(await get('/api/v2/payouts'), 404, 'not-found');
    await expectApiError(await get('/api/v2/flows', 'DELETE'), 404, 'not-found');
    await expectApiError(await get('/api/v2/flows//'), 404, 'not-found');
    await expectApiError(await fetch(`${sandbox.url}/nothing/here`), 404, 'not-found');
  });
});
