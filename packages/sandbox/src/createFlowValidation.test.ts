// `POST /api/v2/flows` request checks, over HTTP: what Dots' spec forbids is a 400 `invalid-input`
// naming the field; unknown fields and options are ignored, or refused in strict mode.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KNOWN_USER, createFlow, postFlow } from './test-support/http.js';
import { expectApiError } from './test-support/expectApiError.js';
import { MAX_API_BODY_BYTES } from './apiRoutes.js';
import { startSandbox } from './startSandbox.js';
import type { Sandbox } from './startSandbox.js';

let lenient: Sandbox;
let strict: Sandbox;

beforeAll(async () => {
  [lenient, strict] = await Promise.all([
    startSandbox({ port: 0, users: [KNOWN_USER] }),
    startSandbox({ port: 0, users: [KNOWN_USER], strict: true }),
  ]);
});
afterAll(() => Promise.all([lenient.close(), strict.close()]));

const UNKNOWN_USER = '9b2e7c1a-0f3d-4e5b-8a6c-7d8e9f0a1b2c';
const step = (extra: object) => ({ steps: [extra] });

describe.each([
  ['lenient', () => lenient],
  ['strict', () => strict],
])('in %s mode, answers 400 invalid-input for', (_mode, sandbox) => {
  it.each<[string, unknown, string, RegExp]>([
    ['no steps', {}, 'steps', /`steps` is required/],
    ['steps as a string', { steps: 'compliance' }, 'steps', /list/],
    ['a number step', { steps: [42] }, 'steps[0]', /step name or/],
    ['a null step', { steps: [null] }, 'steps[0]', /step name or/],
    ['a nested array step', { steps: [['compliance']] }, 'steps[0]', /step name or/],
    ['an unknown step', { steps: ['compliance', 'kyc'] }, 'steps[1]', /unknown step "kyc".*Known steps: compliance/],
    ['a step object without name', step({ hide_continue_button: true }), 'steps[0]', /needs a `name`/],
    ['a step object with a number name', step({ name: 7 }), 'steps[0]', /unknown step 7/],
    ...['onboarding', 'onboard', 'authentication', 'authorization'].map((name): [string, object, string, RegExp] => [
      `the ${name} step`,
      { steps: [name] },
      'steps[0]',
      /added automatically/,
    ]),
    ['a repeated step', { steps: ['payout', { name: 'payout' }] }, 'steps[1]', /listed twice/],
    ['pdf-form-fill as a name', { steps: ['pdf-form-fill'] }, 'steps[0].template_id', /needs a `template_id`/],
    ['an empty template_id', step({ name: 'pdf-form-fill', template_id: ' ' }), 'steps[0].template_id', /template/],
    ['a number template_id', step({ name: 'pdf-form-fill', template_id: 5 }), 'steps[0].template_id', /template/],
    [
      'a javascript: redirect_url',
      step({ name: 'redirect', redirect_url: 'javascript:alert(1)' }),
      'steps[0].redirect_url',
      /http/,
    ],
    ['a relative redirect_url', step({ name: 'redirect', redirect_url: '/done' }), 'steps[0].redirect_url', /absolute/],
    [
      'a localhost redirect_url',
      step({ name: 'redirect', redirect_url: 'http://localhost:3000/' }),
      'steps[0].redirect_url',
      /dotted/,
    ],
    ['a number redirect_url', step({ name: 'redirect', redirect_url: 42 }), 'steps[0].redirect_url', /http/],
    [
      'a string hide_continue_button',
      step({ name: 'payout', hide_continue_button: 'yes' }),
      'steps[0].hide_continue_button',
      /true or false/,
    ],
    [
      'a string auto_payout_enabled',
      step({ name: 'payout', auto_payout_enabled: 'false' }),
      'steps[0].auto_payout_enabled',
      /true or false/,
    ],
    [
      'a number require_default_payout_method',
      step({ name: 'manage-payouts', require_default_payout_method: 1 }),
      'steps[0].require_default_payout_method',
      /true or false/,
    ],
    [
      'a null require_auto_payout_method',
      step({ name: 'manage-payouts', require_auto_payout_method: null }),
      'steps[0].require_auto_payout_method',
      /true or false/,
    ],
    [
      'an unknown payout_fee_party',
      step({ name: 'payout', payout_fee_party: 'app' }),
      'steps[0].payout_fee_party',
      /platform, user/,
    ],
    // The spec types these options on every step, so a wrong type is refused wherever it appears.
    ['a bad redirect_url on payout', step({ name: 'payout', redirect_url: 'nope' }), 'steps[0].redirect_url', /http/],
    [
      'a bad auto_payout_enabled on compliance',
      step({ name: 'compliance', auto_payout_enabled: 1 }),
      'steps[0].auto_payout_enabled',
      /true or false/,
    ],
    ['a number user_id', { steps: ['payout'], user_id: 42 }, 'user_id', /UUID/],
    ['a null user_id', { steps: ['payout'], user_id: null }, 'user_id', /UUID/],
    ['a user_id that is not a UUID', { steps: ['payout'], user_id: 'user_known' }, 'user_id', /UUID/],
    [
      'an unknown user_id',
      { steps: ['payout'], user_id: UNKNOWN_USER },
      'user_id',
      new RegExp(`No user "${UNKNOWN_USER}"`),
    ],
    ['metadata as an array', { steps: ['payout'], metadata: ['a'] }, 'metadata', /string or a JSON object/],
    ['metadata as a number', { steps: ['payout'], metadata: 5 }, 'metadata', /string or a JSON object/],
    ['metadata as null', { steps: ['payout'], metadata: null }, 'metadata', /left out/],
    [
      'a string flag',
      { steps: ['payout'], hide_go_to_dashboard_on_complete: 'true' },
      'hide_go_to_dashboard_on_complete',
      /true or false/,
    ],
    ['a number require_auth', { steps: ['payout'], require_auth: 1 }, 'require_auth', /true or false/],
  ])('%s', async (_name, body, field, message) => {
    const error = await expectApiError(await postFlow(sandbox().url, body), 400, 'invalid-input');
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });

  it.each([
    ['an array body', [{ steps: ['payout'] }]],
    ['a null body', null],
    ['a number body', 42],
    ['malformed JSON', '{"steps": ["compliance"'],
    ['an empty body', ''],
    ['trailing garbage', '{"steps": ["compliance"]} x'],
    ['form encoding', 'steps=compliance'],
  ])('%s', async (_name, body) => {
    const error = await expectApiError(await postFlow(sandbox().url, body), 400, 'invalid-input');
    expect(error.message).toMatch(/JSON/);
  });

  it('a body over the limit, with 413 request-too-large', async () => {
    const huge = JSON.stringify({ steps: ['payout'], metadata: { big: 'x'.repeat(MAX_API_BODY_BYTES) } });
    await expectApiError(await postFlow(sandbox().url, huge), 413, 'request-too-large');
  });
});

describe('what the spec allows', () => {
  it.each([
    ['no steps at all (an onboarding-only flow)', { steps: [] }],
    ['a redirect step without redirect_url', { steps: ['redirect'] }],
    [
      'a redirect_url on another step (the spec allows it on any)',
      step({ name: 'payout', redirect_url: 'https://example.com/x' }),
    ],
    [
      'an https redirect_url with a path and query',
      step({ name: 'redirect', redirect_url: 'https://www.example.co.uk/a/b?c=d#e' }),
    ],
  ])('is accepted in lenient mode: %s', async (_name, body) => {
    expect((await postFlow(lenient.url, body)).status).toBe(200);
  });
});

describe('unknown fields and options', () => {
  const typos = [
    ['an unknown top-level field', { steps: ['payout'], userId: 'x' }, 'userId', /Unknown field "userId"/],
    [
      'an unknown step option',
      step({ name: 'payout', hideContinueButton: true }),
      'steps[0].hideContinueButton',
      /not a step option/,
    ],
    [
      'an option of another step',
      step({ name: 'compliance', payout_fee_party: 'user' }),
      'steps[0].payout_fee_party',
      /only applies to payout/,
    ],
    [
      'a spec option on a step it does nothing for',
      step({ name: 'payout', redirect_url: 'https://example.com/x' }),
      'steps[0].redirect_url',
      /only applies to redirect/,
    ],
  ] as const;

  it.each(typos)('are ignored in lenient mode (a guess at Dots): %s', async (_name, body) => {
    const flow = await createFlow(lenient.url, body);
    const names = (body.steps as readonly (string | { name: string })[]).map((s) =>
      typeof s === 'string' ? s : s.name,
    );
    expect(flow.steps).toEqual(names);
    expect(Object.keys(flow)).not.toContain('userId');
  });

  it.each(typos)('are refused in strict mode, naming the field: %s', async (_name, body, field, message) => {
    const error = await expectApiError(await postFlow(strict.url, body), 400, 'invalid-input');
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });
});

describe('__proto__ and friends', () => {
  it('never pollute prototypes, and metadata keeps such keys as plain data', async () => {
    const top = '{"steps": ["payout"], "__proto__": {"polluted": "yes"}}';
    expect((await postFlow(lenient.url, top)).status).toBe(200);
    const error = await expectApiError(await postFlow(strict.url, top), 400, 'invalid-input');
    expect(error.field).toBe('__proto__');

    const inMetadata = '{"steps": ["payout"], "metadata": {"__proto__": {"polluted": "yes"}, "constructor": "c"}}';
    const response = await postFlow(lenient.url, inMetadata);
    const text = await response.text();
    expect(text).toContain('"metadata":{"__proto__":{"polluted":"yes"},"constructor":"c"}');

    const inStep = '{"steps": [{"name": "payout", "__proto__": {"hide_continue_button": "x"}}]}';
    expect((await postFlow(lenient.url, inStep)).status).toBe(200);
    await expectApiError(await postFlow(strict.url, inStep), 400, 'invalid-input');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(({} as Record<string, unknown>)['hide_continue_button']).toBeUndefined();
  });
});
