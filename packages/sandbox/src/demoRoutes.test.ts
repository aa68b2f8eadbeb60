import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Flow } from '@dots-flow/core';
import { DEMO_METADATA, DEMO_PAY_CENTS, DEMO_TEMPLATE_ID, demoSteps } from './demoRoutes.js';
import { startSandbox } from './startSandbox.js';
import type { Sandbox } from './startSandbox.js';
import { VALID_FIELDS, completeStepHttp, createFlow, getFlow } from './test-support/http.js';
import { callApi, walletOf } from './test-support/moneyApi.js';

let plain: Sandbox;
let demo: Sandbox;
beforeAll(async () => {
  [plain, demo] = await Promise.all([startSandbox({ port: 0 }), startSandbox({ port: 0, demo: true })]);
});
afterAll(() => Promise.all([plain.close(), demo.close()]));

const postDemo = (url: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/demo/flows`, { method: 'POST', headers });

describe('the demo', () => {
  it('is not served without demo mode: no page, no unauthenticated flow creation', async () => {
    expect((await fetch(`${plain.url}/demo`)).status).toBe(404);
    expect((await postDemo(plain.url)).status).toBe(404);
    expect(await (await fetch(`${plain.url}/`)).text()).not.toContain('/demo');
  });

  it('creates a flow with every step for its own page in demo mode', async () => {
    expect((await fetch(`${demo.url}/demo`)).status).toBe(200);
    expect(await (await fetch(`${demo.url}/`)).text()).toContain('href="/demo"');
    const origin = new URL(demo.url).origin;
    const response = await postDemo(demo.url, { origin, 'sec-fetch-site': 'same-origin' });
    expect(response.status).toBe(200);
    const flow = (await response.json()) as Flow;
    expect(flow.steps).toEqual([
      'compliance',
      'id-verification',
      'background-check',
      'manage-payouts',
      'manage-payments',
      'payout',
      'redirect',
      'pdf-form-fill',
    ]);
    // A client that is not a browser sends neither header.
    expect((await postDemo(demo.url)).status).toBe(200);
  });

  it("pays a demo flow's onboarded user $100.00 by a recorded app transfer; other flows' users start empty", async () => {
    const onboard = async (flow: Flow) => {
      const done = await completeStepHttp(demo.url, flow.id, 'onboarding', VALID_FIELDS['onboarding']);
      expect(done.status).toBe(200);
      return (await getFlow(demo.url, flow.id)).user_id as string;
    };
    const demoUser = await onboard((await (await postDemo(demo.url)).json()) as Flow);
    expect(await walletOf(demo.url, demoUser)).toBe(DEMO_PAY_CENTS);
    const listed = (await (await callApi(demo.url, 'GET', `/transfers?user_id=${demoUser}`)).json()) as {
      data: { type: string; amount: number; metadata: unknown }[];
    };
    expect(listed.data).toEqual([
      expect.objectContaining({ type: 'balance', amount: -DEMO_PAY_CENTS, metadata: DEMO_METADATA }),
    ]);
    const apiUser = await onboard(await createFlow(demo.url, { steps: ['payout'] }));
    expect(await walletOf(demo.url, apiUser)).toBe(0);
  });

  it.each([
    ['a cross-site fetch', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }],
    ['a same-site fetch from another port', { 'sec-fetch-site': 'same-site' }],
    ['a foreign Origin without fetch metadata', { origin: 'https://evil.example' }],
    ['the null origin', { origin: 'null' }],
  ])('refuses %s with 403', async (_name, headers) => {
    const response = await postDemo(demo.url, headers);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('forbidden');
  });
});

describe('demoSteps', () => {
  it('redirects back to the sandbox when that URL passes Dots’ redirect_url rule, and signs a template', () => {
    expect(demoSteps('http://127.0.0.1:4010')).toContainEqual({
      name: 'redirect',
      redirect_url: 'http://127.0.0.1:4010/',
    });
    expect(demoSteps('http://127.0.0.1:4010')).toContainEqual({ name: 'pdf-form-fill', template_id: DEMO_TEMPLATE_ID });
    expect(
      demoSteps('http://localhost:4010').some((step) => typeof step === 'object' && step.name === 'redirect'),
    ).toBe(false);
  });
});
