import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Flow } from '@dots-flow/core';
import { createDotsClient } from './createDotsClient.js';
import { createWebhookHandler } from './createWebhookHandler.js';
import type { WebhookEvent, WebhookHandlerOptions } from './createWebhookHandler.js';
import { signTestWebhook } from './signTestWebhook.js';
import { startFakeDots } from './testing/startFakeDots.js';
import type { FakeDots } from './testing/startFakeDots.js';

const SECRET = 'whsec_' + Buffer.alloc(24, 3).toString('base64');
const WRONG_SECRET = 'whsec_' + Buffer.alloc(24, 4).toString('base64');
const URL_ = 'http://app.test/api/dots/webhooks';
let dots: FakeDots;
let flowId: string;
let updates: [Flow, WebhookEvent][];
let events: WebhookEvent[];
let errors: unknown[];

beforeAll(async () => {
  dots = await startFakeDots('client_w', 'key_w');
  const client = createDotsClient({ clientId: 'client_w', apiKey: 'key_w', baseUrl: dots.url });
  flowId = (await client.flows.create({ steps: ['compliance'], metadata: { host_user_id: 'u1' } })).id;
});
afterAll(() => dots.close());
beforeEach(() => {
  dots.failWith(undefined);
  dots.requests.length = 0;
  updates = [];
  events = [];
  errors = [];
});

function handler(options: Partial<WebhookHandlerOptions> = {}) {
  const client = createDotsClient({ clientId: 'client_w', apiKey: 'key_w', baseUrl: dots.url, retries: 0 });
  return createWebhookHandler({
    secret: SECRET,
    client,
    onFlowUpdated: (flow, event) => void updates.push([flow, event]),
    onEvent: (event) => void events.push(event),
    onError: (error) => void errors.push(error),
    ...options,
  });
}

async function delivery(payload: unknown, options: Parameters<typeof signTestWebhook>[2] = {}, secret = SECRET) {
  const { body, headers } = await signTestWebhook(payload, secret, options);
  return new Request(URL_, { method: 'POST', headers, body });
}

async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

describe('createWebhookHandler', () => {
  it('verifies flow.updated, reads the flow from Dots and hands it to onFlowUpdated', async () => {
    const response = await handler()(await delivery({ event: 'flow.updated', flow_id: flowId }, { id: 'msg_a' }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true });
    expect(updates).toHaveLength(1);
    expect(updates[0]?.[0]).toMatchObject({ id: flowId, metadata: { host_user_id: 'u1' } });
    expect(updates[0]?.[1]).toMatchObject({ id: 'msg_a', type: 'flow.updated' });
    expect(dots.requests.map((request) => `${request.method} ${request.url}`)).toEqual([`GET /api/v2/flows/${flowId}`]);
  });

  it('drops a redelivery of the same message id', async () => {
    const webhooks = handler();
    const first = await webhooks(await delivery({ event: 'flow.updated', flow_id: flowId }, { id: 'msg_dup' }));
    const again = await webhooks(await delivery({ event: 'flow.updated', flow_id: flowId }, { id: 'msg_dup' }));
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ received: true, duplicate: true });
    expect(updates).toHaveLength(1);
    const noDedupe = handler({ dedupe: false });
    await noDedupe(await delivery({ event: 'flow.updated', flow_id: flowId }, { id: 'msg_dup2' }));
    await noDedupe(await delivery({ event: 'flow.updated', flow_id: flowId }, { id: 'msg_dup2' }));
    expect(updates).toHaveLength(3);
  });

  it('answers unknown events with 200 and reports them to onEvent only', async () => {
    for (const payload of [
      { event: 'invoice.paid', invoice_id: 'i' },
      { event: 'transfer.updated', transfer_id: 't' },
      { other: 1 },
    ]) {
      expect((await handler()(await delivery(payload))).status).toBe(200);
    }
    expect(events.map((event) => [event.type, event.known])).toEqual([
      ['invoice.paid', false],
      ['transfer.updated', true],
      [undefined, false],
    ]);
    expect(updates).toHaveLength(0);
    expect(dots.requests).toHaveLength(0);
  });

  it('refuses unsigned, wrongly signed, stale and tampered deliveries with 400', async () => {
    const webhooks = handler();
    const payload = { event: 'flow.updated', flow_id: flowId };
    const unsigned = new Request(URL_, { method: 'POST', body: JSON.stringify(payload) });
    expect(await errorCode(await webhooks(unsigned))).toBe('missing_headers');
    expect(await errorCode(await webhooks(await delivery(payload, {}, WRONG_SECRET)))).toBe('invalid_signature');
    const stale = await delivery(payload, { timestamp: new Date(Date.now() - 10 * 60_000) });
    expect(await errorCode(await webhooks(stale))).toBe('timestamp_too_old');
    const future = await delivery(payload, { timestamp: new Date(Date.now() + 10 * 60_000) });
    expect(await errorCode(await webhooks(future))).toBe('timestamp_too_new');
    const signed = await signTestWebhook(payload, SECRET);
    const tampered = new Request(URL_, {
      method: 'POST',
      headers: signed.headers,
      body: signed.body.replace(flowId, 'flow_other'),
    });
    const response = await webhooks(tampered);
    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe('invalid_signature');
    expect(updates).toHaveLength(0);
    expect(dots.requests).toHaveLength(0);
  });

  it('refuses a signed flow.updated without a usable flow_id', async () => {
    for (const flow_id of [undefined, 42, '../admin', '']) {
      const response = await handler()(await delivery({ event: 'flow.updated', flow_id }));
      expect(response.status).toBe(400);
      expect(await errorCode(response)).toBe('invalid_payload');
    }
    expect(dots.requests).toHaveLength(0);
  });

  it('refuses, without retries, a flow_id that cannot be a Dots id when the client talks to Dots', async () => {
    const seen: string[] = [];
    const client = createDotsClient({
      clientId: 'client_w',
      apiKey: 'key_w',
      environment: 'production',
      fetch: async (input) => (seen.push(input), new Response('{}', { status: 500 })),
    });
    const response = await handler({ client })(await delivery({ event: 'flow.updated', flow_id: 'flow_1' }));
    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe('invalid_payload');
    expect(seen).toEqual([]);
    expect(updates).toHaveLength(0);
  });

  it('answers 5xx when processing fails and processes the retry', async () => {
    const webhooks = handler();
    dots.failWith(503);
    const failed = await webhooks(await delivery({ event: 'flow.updated', flow_id: flowId }, { id: 'msg_retry' }));
    expect(failed.status).toBe(502);
    dots.failWith(undefined);
    const retried = await webhooks(await delivery({ event: 'flow.updated', flow_id: flowId }, { id: 'msg_retry' }));
    expect(retried.status).toBe(200);
    expect(await retried.json()).toEqual({ received: true });
    expect(updates).toHaveLength(1);

    let calls = 0;
    const throwing = handler({ onFlowUpdated: () => Promise.reject(new Error(`attempt ${(calls += 1)}`)) });
    const response = await throwing(await delivery({ event: 'flow.updated', flow_id: flowId }, { id: 'msg_throw' }));
    expect(response.status).toBe(500);
    expect(await errorCode(response)).toBe('processing_failed');
    expect(errors.map(String)).toContain('Error: attempt 1');
  });

  it('answers at once and runs the work through waitUntil when given', async () => {
    const pending: Promise<unknown>[] = [];
    const webhooks = handler({ waitUntil: (work) => void pending.push(work) });
    const response = await webhooks(await delivery({ event: 'flow.updated', flow_id: flowId }));
    expect(response.status).toBe(200);
    expect(pending).toHaveLength(1);
    await Promise.all(pending);
    expect(updates).toHaveLength(1);
  });

  it('answers 405, 413, and refuses a bad secret at creation', async () => {
    expect((await handler()(new Request(URL_))).status).toBe(405);
    const small = handler({ maxBodyBytes: 32 });
    const big = await small(await delivery({ event: 'flow.updated', flow_id: flowId, pad: 'x'.repeat(64) }));
    expect(big.status).toBe(413);
    const client = createDotsClient({ clientId: 'c', apiKey: 'k', baseUrl: dots.url });
    for (const secret of ['', 'not-a-secret', 'whsec_']) {
      expect(() => createWebhookHandler({ secret, client, onFlowUpdated: () => undefined })).toThrow(/whsec_/);
    }
    expect(() => createWebhookHandler({ secret: SECRET, client, onFlowUpdated: undefined as never })).toThrow(
      TypeError,
    );
    const badTolerance = { secret: SECRET, client, onFlowUpdated: () => undefined, toleranceSeconds: -1 };
    expect(() => createWebhookHandler(badTolerance)).toThrow(/toleranceSeconds/);
  });
});
