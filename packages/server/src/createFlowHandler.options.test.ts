import type { Flow, StepInput } from '@dots-flow/core';
import { describe, expect, it } from 'vitest';
import { createDotsClient } from './createDotsClient.js';
import { createFlowHandler } from './createFlowHandler.js';
import { BROWSER_METADATA_KEY } from './hostUserIdOf.js';
import { ENDPOINT, expectError, flowHandlerFixture, get, post, resolveUser } from './testing/flowHandlerFixture.js';

const { dots, errors, handler, sentToDots } = flowHandlerFixture();

// Every step with every option Dots documents for it (spec `POST /v2/flows`, `docs/guides/flow-payouts.mdx`).
const EVERY_STEP: StepInput[] = [
  { name: 'compliance', hide_continue_button: true },
  { name: 'id-verification', hide_continue_button: false },
  'background-check',
  {
    name: 'manage-payouts',
    hide_continue_button: true,
    auto_payout_enabled: false,
    require_default_payout_method: true,
    require_auto_payout_method: false,
  },
  { name: 'manage-payments', hide_continue_button: true },
  { name: 'payout', auto_payout_enabled: true, payout_fee_party: 'user', hide_continue_button: false },
  { name: 'redirect', redirect_url: 'https://host.example/done', hide_continue_button: true },
  { name: 'pdf-form-fill', template_id: 'tmpl_w9', hide_continue_button: false },
];

describe('createFlowHandler: everything Dots’ spec allows', () => {
  it('forwards every step, every option and both flags exactly, and answers the flow', async () => {
    const body = { steps: EVERY_STEP, hide_go_to_dashboard_on_complete: true, require_auth: true };
    const response = await handler()(post(body));
    expect(response.status).toBe(201);
    const flow = (await response.json()) as Flow;
    expect(flow.steps).toEqual(EVERY_STEP.map((step) => (typeof step === 'string' ? step : step.name)));
    expect(sentToDots()).toEqual([{ ...body, metadata: { host_user_id: 'host_1' } }]);
  });

  it('keeps string metadata under browser_metadata, next to the owner stamp, so the flow stays readable', async () => {
    const created = await handler({ metadata: { app: 'shop' } })(post({ steps: ['payout'], metadata: 'order A-1' }));
    expect(created.status).toBe(201);
    const flow = (await created.json()) as Flow;
    const stamped = { [BROWSER_METADATA_KEY]: 'order A-1', app: 'shop', host_user_id: 'host_1' };
    expect(sentToDots()[0]?.['metadata']).toEqual(stamped);
    expect(flow.metadata).toEqual(stamped);
    expect((await handler()(get(`${ENDPOINT}/${flow.id}`))).status).toBe(200);
    expect((await handler()(get(`${ENDPOINT}/${flow.id}`, 'host_2'))).status).toBe(404);
  });

  it('forwards object metadata with JSON values of any kind, and host values over the browser’s', async () => {
    const metadata = { order: { id: 'A-1', lines: [1, 2] }, priority: 1, gift: false, note: null, 'a b': 'ok' };
    await handler({ metadata: () => ({ priority: 2 }) })(post({ steps: ['payout'], metadata }));
    expect(sentToDots()[0]?.['metadata']).toEqual({ ...metadata, priority: 2, host_user_id: 'host_1' });
  });

  it('answers 400 when the browser’s keys leave no room for the server’s', async () => {
    const full = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']));
    const message = await expectError(
      await handler()(post({ steps: ['payout'], metadata: full })),
      400,
      'invalid_metadata',
    );
    expect(message).toContain("server's own keys");
    expect(dots().requests).toHaveLength(0);
  });

  it('lays stepOptions over the browser’s, so the platform decides who pays the payout fee', async () => {
    const fixed = handler({
      stepOptions: { payout: { payout_fee_party: 'user' }, 'pdf-form-fill': { template_id: 'tmpl_w9' } },
    });
    const body = {
      steps: [
        { name: 'payout', payout_fee_party: 'platform', hide_continue_button: true },
        'pdf-form-fill',
        'compliance',
      ],
    };
    expect((await fixed(post(body))).status).toBe(201);
    expect(sentToDots()[0]?.['steps']).toEqual([
      { name: 'payout', payout_fee_party: 'user', hide_continue_button: true },
      { name: 'pdf-form-fill', template_id: 'tmpl_w9' },
      'compliance',
    ]);
    expect(body.steps[0]).toEqual({ name: 'payout', payout_fee_party: 'platform', hide_continue_button: true });
  });

  it.each([
    [{ payout: { payout_fee_party: 'app' } }, 'payout_fee_party'],
    [{ payout: { redirect_url: 'https://x.example' } }, 'not an option of "payout"'],
    [{ withdraw: {} }, 'unknown step "withdraw"'],
    [{ payout: 'user' }, 'must be an object'],
    [['payout'], 'must be an object'],
    [{ 'pdf-form-fill': { template_id: '' } }, 'template_id'],
  ])('refuses the stepOptions %j at creation', (stepOptions, hint) => {
    expect(() => handler({ stepOptions: stepOptions as never })).toThrow(hint);
  });

  it('refuses host metadata that is not a JSON object: at creation, or as a 500 from a function', async () => {
    const client = createDotsClient({ clientId: 'c', apiKey: 'k', baseUrl: dots().url });
    for (const metadata of ['tenant', { a: Number.NaN }, { constructor: 'x' }, 42]) {
      expect(() => createFlowHandler({ client, resolveUser, metadata: metadata as never })).toThrow(TypeError);
    }
    for (const metadata of ['tenant', null, { a: undefined }]) {
      await expectError(
        await handler({ metadata: () => metadata as never })(post({ steps: ['payout'] })),
        500,
        'internal_error',
      );
    }
    expect(errors).toHaveLength(3);
    expect(dots().requests).toHaveLength(0);
  });
});
