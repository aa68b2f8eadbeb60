import { describe, expect, it } from 'vitest';
import type { Flow } from '@dots-flow/core';
import { HOST_USER_ID_METADATA_KEY } from './createFlowHandler.js';
import { ENDPOINT, expectError, flowHandlerFixture, post } from './testing/flowHandlerFixture.js';

const { dots, handler, sentToDots } = flowHandlerFixture();

describe('createFlowHandler: POST', () => {
  it('creates a flow for the signed-in user and stamps the host user id into metadata', async () => {
    const response = await handler()(
      post({ steps: ['compliance', { name: 'manage-payouts', hide_continue_button: true }] }),
    );
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const flow = (await response.json()) as Flow;
    expect(flow.link).toBe(`https://my-sandbox.dots.dev/flow/${flow.id}`);
    expect(sentToDots()).toEqual([
      {
        steps: ['compliance', { name: 'manage-payouts', hide_continue_button: true }],
        metadata: { [HOST_USER_ID_METADATA_KEY]: 'host_1' },
      },
    ]);
  });

  it('takes user_id only from resolveUser, and refuses one in the body instead of ignoring it', async () => {
    const message = await expectError(
      await handler()(post({ steps: ['payout'], user_id: 'dots_attacker' }, { 'x-dots-user': 'dots_real' })),
      400,
      'invalid_body',
    );
    expect(message).toContain('user_id');
    expect(dots().requests).toHaveLength(0);
    await handler()(post({ steps: ['payout'] }));
    await handler()(post({ steps: ['payout'] }, { 'x-dots-user': 'dots_real' }));
    const [anonymous, known] = sentToDots();
    expect(anonymous).not.toHaveProperty('user_id');
    expect(known?.['user_id']).toBe('dots_real');
  });

  it('lets neither the browser nor the host metadata override the owner stamp', async () => {
    const body = { steps: ['payout'], metadata: { host_user_id: 'host_2', plan: 'free', source: 'web' } };
    await handler({ metadata: { plan: 'pro', host_user_id: 'host_3' } })(post(body));
    await handler({ metadata: ({ user }) => ({ tenant: `t_${user.hostUserId}` }) })(post(body));
    const [fixed, computed] = sentToDots();
    expect(fixed?.['metadata']).toEqual({ host_user_id: 'host_1', plan: 'pro', source: 'web' });
    expect(computed?.['metadata']).toEqual({ host_user_id: 'host_1', plan: 'free', source: 'web', tenant: 't_host_1' });
  });

  it('forwards the known fields of a step and of the body exactly, and refuses unknown ones', async () => {
    const body = {
      steps: [{ name: 'redirect', redirect_url: 'https://host.example/done' }],
      require_auth: true,
      hide_go_to_dashboard_on_complete: false,
    };
    expect((await handler()(post(body))).status).toBe(201);
    expect(sentToDots()[0]).toEqual({ ...body, metadata: { host_user_id: 'host_1' } });
    const step = await expectError(
      await handler()(post({ steps: [{ name: 'redirect', redirect_url: 'https://host.example/done', evil: 'x' }] })),
      400,
      'invalid_steps',
    );
    expect(step).toContain('"evil"');
    const field = await expectError(
      await handler()(post({ steps: ['payout'], extra: { nested: true } })),
      400,
      'invalid_body',
    );
    expect(field).toContain('"extra"');
    expect(dots().requests).toHaveLength(1);
  });

  it('answers 401 when resolveUser finds nobody', async () => {
    await expectError(await handler()(post({ steps: ['payout'] }, { 'x-user': '' })), 401, 'unauthorized');
    expect(dots().requests).toHaveLength(0);
  });

  it('answers 415 unless the body is declared JSON', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json; charset=latin1',
      'application/jsonx',
      'text/json',
    ]) {
      await expectError(
        await handler()(post({ steps: ['payout'] }, { 'content-type': type })),
        415,
        'unsupported_media_type',
      );
    }
    const untyped = new Request(ENDPOINT, {
      method: 'POST',
      headers: { 'x-user': 'host_1' },
      body: new Uint8Array([123, 125]),
    });
    await expectError(await handler()(untyped), 415, 'unsupported_media_type');
    expect(
      (await handler()(post({ steps: ['payout'] }, { 'content-type': 'Application/JSON; charset="UTF-8"' }))).status,
    ).toBe(201);
  });

  it('answers 413 over the size limit, declared or streamed', async () => {
    const small = handler({ maxBodyBytes: 64 });
    const big = JSON.stringify({ steps: ['payout'], metadata: { pad: 'x'.repeat(100) } });
    await expectError(await small(post(big)), 413, 'body_too_large');
    const chunks = [new TextEncoder().encode(big.slice(0, 40)), new TextEncoder().encode(big.slice(40))];
    const streamed = new Request(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-user': 'host_1' },
      body: new ReadableStream({ start: (c) => (chunks.forEach((chunk) => c.enqueue(chunk)), c.close()) }),
      duplex: 'half',
    } as RequestInit);
    await expectError(await small(streamed), 413, 'body_too_large');
    await expectError(
      await handler()(post({ steps: ['payout'], metadata: { pad: 'x'.repeat(20_000) } })),
      413,
      'body_too_large',
    );
    expect((await handler({ maxBodyBytes: 20 })(post('{"steps":["payout"]}'))).status).toBe(201);
    expect(dots().requests).toHaveLength(1);
  });

  it.each([
    ['', 'invalid_json'],
    ['{"steps":', 'invalid_json'],
    ["{'steps':['payout']}", 'invalid_json'],
    [new Uint8Array([0x7b, 0xff, 0x7d]), 'invalid_json'],
    ['[{"steps":["payout"]}]', 'invalid_body'],
    ['null', 'invalid_body'],
    ['"payout"', 'invalid_body'],
    ['{}', 'invalid_steps'],
    ['{"steps":[]}', 'invalid_steps'],
    ['{"steps":"payout"}', 'invalid_steps'],
    ['{"steps":["withdraw"]}', 'invalid_steps'],
    ['{"steps":["onboarding"]}', 'invalid_steps'],
    ['{"steps":["PAYOUT"]}', 'invalid_steps'],
    ['{"steps":[{"name":"toString"}]}', 'invalid_steps'],
    ['{"steps":[null]}', 'invalid_steps'],
    ['{"steps":[["payout"]]}', 'invalid_steps'],
    ['{"steps":["payout","payout"]}', 'invalid_steps'],
    ['{"steps":[{"name":"payout","hide_continue_button":"yes"}]}', 'invalid_steps'],
    ['{"steps":[{"name":"payout","redirect_url":"https://x.example"}]}', 'invalid_steps'],
    ['{"steps":[{"name":"redirect","redirect_url":"javascript:alert(1)"}]}', 'invalid_steps'],
    ['{"steps":[{"name":"redirect","redirect_url":"/relative"}]}', 'invalid_steps'],
    ['{"steps":[{"__proto__":{"name":"payout"}}]}', 'invalid_steps'],
    ['{"steps":["payout"],"metadata":["a"]}', 'invalid_metadata'],
    ['{"steps":["payout"],"metadata":42}', 'invalid_metadata'],
    ['{"steps":["payout"],"metadata":true}', 'invalid_metadata'],
    ['{"steps":["payout"],"metadata":{"__proto__":"x"}}', 'invalid_metadata'],
    ['{"steps":["payout"],"metadata":{"constructor":"x"}}', 'invalid_metadata'],
    ['{"steps":["payout"],"metadata":{"a":{"__proto__":{"polluted":true}}}}', 'invalid_metadata'],
    [`{"steps":["payout"],"metadata":{"${'k'.repeat(65)}":"x"}}`, 'invalid_metadata'],
    ['{"steps":["payout"],"metadata":{"":"x"}}', 'invalid_metadata'],
    [`{"steps":["payout"],"metadata":{"a":"${'x'.repeat(501)}"}}`, 'invalid_metadata'],
    [`{"steps":["payout"],"metadata":"${'x'.repeat(501)}"}`, 'invalid_metadata'],
    ['{"steps":["payout"],"metadata":{"a":{"b":{"c":{"d":{"e":{"f":1}}}}}}}', 'invalid_metadata'],
    [
      JSON.stringify({
        steps: ['payout'],
        metadata: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])),
      }),
      'invalid_metadata',
    ],
    ['{"steps":["payout"],"require_auth":"true"}', 'invalid_body'],
    ['{"steps":["payout"],"hide_go_to_dashboard_on_complete":1}', 'invalid_body'],
    ['{"steps":["payout"],"user_id":"dots_u"}', 'invalid_body'],
    ['{"steps":["payout"],"Steps":["payout"]}', 'invalid_body'],
    ['{"steps":["pdf-form-fill"]}', 'invalid_steps'],
    ['{"steps":[{"name":"pdf-form-fill","template_id":""}]}', 'invalid_steps'],
    ['{"steps":[{"name":"payout","payout_fee_party":"nobody"}]}', 'invalid_steps'],
    ['{"steps":[{"name":"payout","require_default_payout_method":true}]}', 'invalid_steps'],
    ['{"steps":[{"name":"manage-payouts","auto_payout_enabled":"on"}]}', 'invalid_steps'],
  ])('answers 400 for the hostile body %j', async (body, code) => {
    await expectError(await handler()(post(body)), 400, code);
    expect(dots().requests).toHaveLength(0);
  });

  it('answers 400 step_not_allowed for a step outside allowedSteps', async () => {
    const limited = handler({ allowedSteps: ['compliance', 'manage-payouts'] });
    const message = await expectError(
      await limited(post({ steps: ['compliance', 'payout'] })),
      400,
      'step_not_allowed',
    );
    expect(message).toContain('payout');
    expect((await limited(post({ steps: ['compliance'] }))).status).toBe(201);
  });

  it('never lets __proto__ keys reach the prototype or Dots: they are unknown fields', async () => {
    const body =
      '{"__proto__":{"user_id":"dots_evil","isAdmin":true},"steps":["payout"],"constructor":{"prototype":{"x":1}}}';
    expect(await expectError(await handler()(post(body)), 400, 'invalid_body')).toContain('"__proto__"');
    expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined();
    expect(({} as Record<string, unknown>)['user_id']).toBeUndefined();
    expect(dots().requests).toHaveLength(0);
  });
});
