import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Flow } from '@dots-flow/core';
import { createDotsClient } from './createDotsClient.js';
import { createFlowHandler } from './createFlowHandler.js';
import { createWebhookHandler } from './createWebhookHandler.js';
import { signTestWebhook } from './signTestWebhook.js';
import { startFakeDots } from './testing/startFakeDots.js';
import type { FakeDots } from './testing/startFakeDots.js';

// The README's Hono one-liners, exactly as documented, on a real Hono app.
const SECRET = 'whsec_' + Buffer.alloc(24, 9).toString('base64');
let dots: FakeDots;

beforeAll(async () => {
  dots = await startFakeDots('client_r', 'key_r');
});
afterAll(() => dots.close());

describe('README recipes', () => {
  it("Hono: app.all('/api/dots/flows/*', (c) => handler(c.req.raw)) serves POST and GET /:id", async () => {
    const client = createDotsClient({ clientId: 'client_r', apiKey: 'key_r', baseUrl: dots.url });
    const handler = createFlowHandler({ client, resolveUser: () => ({ hostUserId: 'h' }) });
    const app = new Hono();
    app.all('/api/dots/flows/*', (c) => handler(c.req.raw));

    const created = await app.request('/api/dots/flows', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"steps":["compliance"]}',
    });
    expect(created.status).toBe(201);
    const flow = (await created.json()) as Flow;
    const read = await app.request(`/api/dots/flows/${flow.id}`);
    expect(read.status).toBe(200);
    expect(((await read.json()) as Flow).id).toBe(flow.id);
  });

  it("Hono: app.post('/api/dots/webhooks', (c) => webhooks(c.req.raw)) verifies the raw body", async () => {
    const client = createDotsClient({ clientId: 'client_r', apiKey: 'key_r', baseUrl: dots.url });
    const flow = await client.flows.create({ steps: ['payout'], metadata: { host_user_id: 'h' } });
    const seen: string[] = [];
    const webhooks = createWebhookHandler({ secret: SECRET, client, onFlowUpdated: (f) => void seen.push(f.id) });
    const app = new Hono();
    app.post('/api/dots/webhooks', (c) => webhooks(c.req.raw));
    const { body, headers } = await signTestWebhook({ event: 'flow.updated', flow_id: flow.id }, SECRET);
    expect((await app.request('/api/dots/webhooks', { method: 'POST', headers, body })).status).toBe(200);
    expect(seen).toEqual([flow.id]);
  });
});
