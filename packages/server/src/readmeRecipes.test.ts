import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Flow } from '@dots-flow/core';
import * as server from './index.js';
import { createDotsClient } from './createDotsClient.js';
import type { DotsClient } from './createDotsClient.js';
import { createFlowHandler } from './createFlowHandler.js';
import { createWebhookHandler } from './createWebhookHandler.js';
import { signTestWebhook } from './signTestWebhook.js';
import { readmeSnippet, runReadmeSnippet, typecheckReadme } from './testing/readmeSnippets.js';
import { startFakeDots } from './testing/startFakeDots.js';
import type { FakeDots } from './testing/startFakeDots.js';

// The README's snippets: every ts block type-checks against the package, and the ones that can run
// offline run as written, against a loopback Dots.
const SECRET = 'whsec_' + Buffer.alloc(24, 9).toString('base64');
const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
let dots: FakeDots;
let client: DotsClient;

beforeAll(async () => {
  dots = await startFakeDots('client_r', 'key_r');
  client = createDotsClient({ clientId: 'client_r', apiKey: 'key_r', baseUrl: dots.url });
});
afterAll(() => dots.close());
beforeEach(() => {
  dots.requests.length = 0;
});

const sent = () => dots.requests.map((request) => JSON.parse(request.body || 'null') as Record<string, unknown>);

describe('README', () => {
  it('type-checks every ts block against the package', () => {
    expect(typecheckReadme()).toEqual([]);
  }, 30_000);

  it('runs "Creating flows": every step and option reach Dots as written', async () => {
    await runReadmeSnippet(readmeSnippet("template_id: 'tmpl_w9'"), server, { dots: client });
    expect(sent()).toEqual([
      {
        steps: [
          'compliance',
          { name: 'manage-payouts', require_default_payout_method: true, auto_payout_enabled: false },
          { name: 'payout', payout_fee_party: 'user' },
          { name: 'pdf-form-fill', template_id: 'tmpl_w9' },
          { name: 'redirect', redirect_url: 'https://example.com/done', hide_continue_button: true },
        ],
        metadata: 'order A-1',
        hide_go_to_dashboard_on_complete: true,
        require_auth: true,
      },
    ]);
  });

  it('runs "Listing flows": a page, the next page, every page, and a capped array', async () => {
    dots.flows.clear();
    for (let index = 0; index < 45; index += 1) {
      await client.flows.create({ steps: ['payout'], ...(index % 2 ? { user_id: `u_${index}` } : {}) });
    }
    dots.requests.length = 0;
    const logs: unknown[][] = [];
    await runReadmeSnippet(readmeSnippet('autoPagingToArray'), server, {
      dots: client,
      console: { log: (...args: unknown[]) => logs.push(args) },
    });
    const newestFirst = [...dots.flows.values()].reverse();
    const notOnboarded = newestFirst.filter((flow) => flow['user_id'] === null);
    expect(logs).toEqual(notOnboarded.map((flow) => ['not onboarded yet:', flow['id']]));
    expect(dots.requests.map((request) => request.url)).toEqual([
      '/api/v2/flows?limit=20',
      `/api/v2/flows?limit=20&starting_after=${newestFirst[19]?.['id']}`,
      '/api/v2/flows?limit=100',
      '/api/v2/flows',
      `/api/v2/flows?starting_after=${newestFirst[9]?.['id']}`,
      `/api/v2/flows?starting_after=${newestFirst[19]?.['id']}`,
      `/api/v2/flows?starting_after=${newestFirst[29]?.['id']}`,
      `/api/v2/flows?starting_after=${newestFirst[39]?.['id']}`,
    ]);
  });

  it('runs "The flow route": stepOptions and metadata are the server’s', async () => {
    const { handler } = (await runReadmeSnippet(readmeSnippet('stepOptions:'), server, {
      dots: client,
      getSessionUser: async (request: Request) =>
        request.headers.get('cookie') === 'session=ada' ? { id: 'ada', dotsUserId: null } : null,
    })) as { handler: server.WebHandler };
    const post = (cookie: string) =>
      handler(
        new Request('http://app.test/api/dots/flows', {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({ steps: [{ name: 'payout', payout_fee_party: 'platform' }] }),
        }),
      );
    expect((await post('session=ada')).status).toBe(201);
    expect((await post('session=eve')).status).toBe(401);
    expect(sent()).toEqual([
      { steps: [{ name: 'payout', payout_fee_party: 'user' }], metadata: { app: 'my-app', host_user_id: 'ada' } },
    ]);
  });

  it('runs "Webhooks": the stamped host user and the new Dots user reach saveDotsUserId', async () => {
    const flow = await client.flows.create({
      steps: ['payout'],
      user_id: 'dots_ada',
      metadata: { host_user_id: 'ada' },
    });
    const saved: [string, string][] = [];
    const { webhooks } = (await runReadmeSnippet(readmeSnippet('hostUserIdOf(flow)'), server, {
      dots: client,
      process: { env: { DOTS_WEBHOOK_SECRET: SECRET } },
      saveDotsUserId: async (hostUserId: string, dotsUserId: string) => void saved.push([hostUserId, dotsUserId]),
    })) as { webhooks: server.WebHandler };
    const { body, headers } = await signTestWebhook({ event: 'flow.updated', flow_id: flow.id }, SECRET);
    const response = await webhooks(
      new Request('http://app.test/api/dots/webhooks', { method: 'POST', headers, body }),
    );
    expect(response.status).toBe(200);
    expect(saved).toEqual([['ada', 'dots_ada']]);
  });

  it("Hono: app.all('/api/dots/flows/*', (c) => handler(c.req.raw)) serves POST and GET /:id", async () => {
    expect(README).toContain("app.all('/api/dots/flows/*', (c) => handler(c.req.raw));");
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
    expect(README).toContain("app.post('/api/dots/webhooks', (c) => webhooks(c.req.raw));");
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
