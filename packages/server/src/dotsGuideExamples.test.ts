import { DOTS_API_URLS } from '@dots-flow/core';
import type { Flow } from '@dots-flow/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDotsClient } from './createDotsClient.js';
import type { DotsClient } from './createDotsClient.js';
import { createFlowHandler } from './createFlowHandler.js';
import { sendJson, startTestServer } from './testing/startTestServer.js';
import type { TestServer } from './testing/startTestServer.js';

// The flow objects Dots' guides show as real responses, field by field (Send-Dots/dots-docs-v2).
// `docs/flows/overview.mdx` ends its object with a trailing comma (not JSON); its fields are kept as given.
const USER = 'f33919ae-6793-41bd-b512-1ad3c19f4ecb';
const EXAMPLES: Record<string, { path: string; answer: Record<string, unknown> }> = {
  'overview.mdx, create': {
    path: 'docs/flows/overview.mdx',
    answer: {
      id: '5f0f8f8f-f8f8-f8f8-f8f8-f8f8f8f8f8f8',
      created: '2020-12-09T00:40:51.107Z',
      updated: '2020-12-09T00:40:51.107Z',
      user_id: null,
      steps: ['compliance', 'manage-payouts'],
      completed_steps: [],
      payout_link_id: null,
      link: 'https://my.senddotssandbox.com/flow/5f0f8f8f-f8f8-f8f8-f8f8-f8f8f8f8f8f8',
    },
  },
  'flow-payouts.mdx, 1. onboarding flow': {
    path: 'docs/guides/flow-payouts.mdx',
    answer: {
      completed_steps: [],
      created: '2024-07-11T21:10:30.846081',
      id: 'b3293101-35ef-451a-aad4-881da3697c2f',
      link: 'https://my-sandbox.dots.dev/flow/b3293101-35ef-451a-aad4-881da3697c2f',
      metadata: null,
      payout_link_id: null,
      steps: ['compliance'],
      user_id: null,
    },
  },
  'flow-payouts.mdx, 2. retrieved after onboarding': {
    path: 'docs/guides/flow-payouts.mdx',
    answer: {
      completed_steps: [],
      created: '2024-07-11T21:10:30.846081',
      id: 'b3293101-35ef-451a-aad4-881da3697c2f',
      link: 'https://my-sandbox.dots.dev/flow/b3293101-35ef-451a-aad4-881da3697c2f',
      metadata: null,
      payout_link_id: null,
      steps: ['compliance'],
      user_id: USER,
    },
  },
  'flow-payouts.mdx, 4. payout flow': {
    path: 'docs/guides/flow-payouts.mdx',
    answer: {
      completed_steps: [],
      created: '2024-07-12T11:08:32.486385',
      id: '6ad6b948-422d-4fc4-bd6c-fe1521639a2b',
      link: 'https://my-sandbox.dots.dev/flow/6ad6b948-422d-4fc4-bd6c-fe1521639a2b',
      metadata: null,
      payout_link_id: null,
      steps: ['payout'],
      user_id: USER,
    },
  },
};

/** What the client must make of an example: every documented field, `updated` dropped, missing ones null. */
function expected(answer: Record<string, unknown>): Flow {
  return {
    id: answer['id'] as string,
    created: answer['created'] as string,
    user_id: (answer['user_id'] ?? null) as string | null,
    steps: answer['steps'] as string[],
    completed_steps: answer['completed_steps'] as string[],
    link: answer['link'] as string,
    metadata: (answer['metadata'] ?? null) as null,
    payout_link_id: (answer['payout_link_id'] ?? null) as string | null,
  };
}

let server: TestServer;
let current: Record<string, unknown> = {};
let client: DotsClient;

beforeAll(async () => {
  server = await startTestServer((request, res) => {
    if (request.url === '/api/v2/flows' && request.method === 'GET') {
      return sendJson(res, 200, { has_more: false, data: Object.values(EXAMPLES).map((example) => example.answer) });
    }
    sendJson(res, 200, current);
  });
  // The client talks to Dots' documented sandbox base; only the socket is redirected to the loopback server.
  client = createDotsClient({
    clientId: 'pk_dev_guides',
    apiKey: 'sk_dev_guides',
    fetch: (input, init) => globalThis.fetch(input.replace(DOTS_API_URLS.sandbox, `${server.url}/api`), init),
  });
});
afterAll(() => server.close());

describe('every example flow of Dots’ guides, through the client', () => {
  it.each(Object.entries(EXAMPLES))('%s parses on create and retrieve', async (_name, { answer }) => {
    current = answer;
    const flow = expected(answer);
    const steps = flow.steps as ('compliance' | 'manage-payouts' | 'payout')[];
    await expect(client.flows.create({ steps, ...(flow.user_id ? { user_id: flow.user_id } : {}) })).resolves.toEqual(
      flow,
    );
    await expect(client.flows.retrieve(flow.id)).resolves.toEqual(flow);
    expect(server.requests.at(-1)?.url).toBe(`/api/v2/flows/${flow.id}`);
    expect(server.requests.at(-2)?.url).toBe('/api/v2/flows');
  });

  it('parses them all as one list page', async () => {
    const page = await client.flows.list();
    expect(page).toEqual({ has_more: false, data: Object.values(EXAMPLES).map(({ answer }) => expected(answer)) });
  });

  it('passes a guide’s flow through the flow route unchanged but for `updated`', async () => {
    current = EXAMPLES['flow-payouts.mdx, 1. onboarding flow']?.answer ?? {};
    const handler = createFlowHandler({ client, resolveUser: () => ({ hostUserId: 'h' }), onError: () => undefined });
    const response = await handler(
      new Request('http://app.test/api/dots/flows', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"steps":["compliance"]}',
      }),
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual(expected(current));
  });
});
