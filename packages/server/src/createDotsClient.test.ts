import { inspect } from 'node:util';
import { DOTS_API_URLS } from '@dots-flow/core';
import { describe, expect, it } from 'vitest';
import { createDotsClient } from './createDotsClient.js';
import { DotsApiError } from './DotsApiError.js';
import {
  API_KEY,
  CLIENT_ID,
  FLOW,
  FLOW_ID,
  TOKEN,
  client,
  dotsClientFixture,
  expectNoCredentials,
  failure,
} from './testing/dotsClientFixture.js';
import { sendJson } from './testing/startTestServer.js';

const { serve } = dotsClientFixture();

describe('createDotsClient', () => {
  it('creates and retrieves flows with HTTP Basic auth and JSON, under <origin>/api for a bare origin', async () => {
    const server = await serve((_request, res) => sendJson(res, 200, FLOW));
    const dots = client(`${server.url}/`);
    const request = { steps: ['compliance' as const], user_id: 'dots_u', metadata: { a: 'b' } };
    await expect(dots.flows.create(request)).resolves.toEqual(FLOW);
    await expect(dots.flows.retrieve('flow_1')).resolves.toEqual(FLOW);
    const [post, get] = server.requests;
    expect(post).toMatchObject({ method: 'POST', url: '/api/v2/flows' });
    expect(post?.headers.authorization).toBe(`Basic ${TOKEN}`);
    expect(post?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(post?.body ?? '')).toEqual(request);
    expect(get).toMatchObject({ method: 'GET', url: '/api/v2/flows/flow_1', body: '' });
    expect(get?.headers.authorization).toBe(`Basic ${TOKEN}`);
    expect(dots.baseUrl).toBe(`${server.url}/api`);
  });

  it('uses a base with a path as given, and Dots’ documented bases per environment', async () => {
    const server = await serve((_request, res) => sendJson(res, 200, FLOW));
    await client(`${server.url}/proxy/dots/api/`).flows.retrieve('flow_1');
    await client(`${server.url}/api`).flows.retrieve('flow_1');
    expect(server.requests.map((request) => request.url)).toEqual([
      '/proxy/dots/api/v2/flows/flow_1',
      '/api/v2/flows/flow_1',
    ]);
    expect(createDotsClient({ clientId: 'c', apiKey: 'k' }).baseUrl).toBe('https://pls.senddotssandbox.com/api');
    expect(createDotsClient({ clientId: 'c', apiKey: 'k', environment: 'production' }).baseUrl).toBe(
      'https://api.dots.dev/api',
    );
    expect(DOTS_API_URLS).toEqual({
      production: 'https://api.dots.dev/api',
      sandbox: 'https://pls.senddotssandbox.com/api',
    });
  });

  it('sends to https://pls.senddotssandbox.com/api/v2/... by default, with UUID ids only', async () => {
    const seen: string[] = [];
    const dots = createDotsClient({
      clientId: CLIENT_ID,
      apiKey: API_KEY,
      fetch: async (input) => {
        seen.push(input);
        return new Response(JSON.stringify(FLOW), { status: 200 });
      },
    });
    await expect(dots.flows.retrieve(FLOW_ID)).resolves.toEqual(FLOW);
    await dots.flows.create({ steps: ['payout'], user_id: 'F33919AE-6793-41BD-B512-1AD3C19F4ECB' });
    expect(seen).toEqual([
      `https://pls.senddotssandbox.com/api/v2/flows/${FLOW_ID}`,
      'https://pls.senddotssandbox.com/api/v2/flows',
    ]);
    for (const call of [
      () => dots.flows.retrieve('flow_1'),
      () => dots.flows.retrieve(`${FLOW_ID}x`),
      () => dots.flows.create({ steps: ['payout'], user_id: 'dots_user_1' }),
      () => dots.flows.list({ starting_after: 'flow_1' }),
    ]) {
      const error = await failure(call());
      expect(error.code).toBe('invalid_request');
      expect(error.message).toContain('UUID');
    }
    expect(seen).toHaveLength(2);
  });

  it('keeps the credentials off the client object', () => {
    const dots = createDotsClient({ clientId: CLIENT_ID, apiKey: API_KEY });
    expect(JSON.stringify(dots)).not.toContain(API_KEY);
    expect(inspect(dots, { depth: 10, showHidden: true })).not.toContain(API_KEY);
  });

  it.each([
    [{ clientId: '', apiKey: API_KEY }],
    [{ clientId: 'a:b', apiKey: API_KEY }],
    [{ clientId: CLIENT_ID, apiKey: '' }],
    [{ clientId: CLIENT_ID, apiKey: `${API_KEY}\n` }],
    [{ clientId: CLIENT_ID, apiKey: 42 }],
    [{ clientId: CLIENT_ID, apiKey: API_KEY, environment: 'staging' }],
    [{ clientId: CLIENT_ID, apiKey: API_KEY, baseUrl: 'api.dots.dev' }],
    [{ clientId: CLIENT_ID, apiKey: API_KEY, baseUrl: 'ftp://api.dots.dev' }],
    [{ clientId: CLIENT_ID, apiKey: API_KEY, baseUrl: 'https://user:pass@api.dots.dev' }],
    [{ clientId: CLIENT_ID, apiKey: API_KEY, baseUrl: 'https://api.dots.dev/?x=1' }],
    [{ clientId: CLIENT_ID, apiKey: API_KEY, timeoutMs: 0 }],
    [{ clientId: CLIENT_ID, apiKey: API_KEY, timeoutMs: Number.POSITIVE_INFINITY }],
    [{ clientId: CLIENT_ID, apiKey: API_KEY, retries: -1 }],
    [{ clientId: CLIENT_ID, apiKey: API_KEY, retries: 1.5 }],
    [{ clientId: CLIENT_ID, apiKey: API_KEY, fetch: 'fetch' }],
    [null],
  ])('refuses unusable options %j without echoing the key', (options) => {
    let thrown: unknown;
    try {
      createDotsClient(options as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DotsApiError);
    expect((thrown as DotsApiError).code).toBe('invalid_options');
    expectNoCredentials(thrown as DotsApiError);
  });

  it('maps Dots answers to typed errors with Dots’ message', async () => {
    const answers: [number, unknown, string][] = [
      [400, { message: 'steps is required' }, 'bad_request'],
      [422, { error: { message: 'bad user_id' } }, 'bad_request'],
      [401, { error: 'Unauthorized' }, 'unauthorized'],
      [403, { detail: 'Forbidden' }, 'unauthorized'],
      [404, { message: 'Flow not found' }, 'not_found'],
      [409, { error: { code: 'resource-busy', message: 'Still processing' } }, 'bad_request'],
      [429, { message: 'Too many requests' }, 'rate_limited'],
      [500, { message: 'Boom' }, 'server_error'],
      [418, 'teapot', 'bad_request'],
      [408, { message: 'Request timeout' }, 'http_error'],
    ];
    for (const [status, body, code] of answers) {
      const server = await serve((_request, res) => sendJson(res, status, body));
      const error = await failure(client(server.url, { retries: 0 }).flows.create({ steps: ['compliance'] }));
      expect(error).toMatchObject({ code, status });
      expect(error.message).toContain(String(status));
      if (typeof body === 'object') expect(error.message).toContain(error.dotsMessage);
    }
  });

  it('never puts the credentials in an error, even when Dots echoes them', async () => {
    const server = await serve((request, res) =>
      sendJson(res, 401, { message: `bad ${request.headers.authorization} for key ${API_KEY} (${TOKEN})` }),
    );
    for (const call of [
      () => client(server.url).flows.create({ steps: ['compliance'] }),
      () => client(server.url, { retries: 0 }).flows.retrieve('flow_1'),
    ]) {
      const error = await failure(call());
      expect(error.code).toBe('unauthorized');
      expect(error.dotsMessage).toContain('[redacted]');
      expectNoCredentials(error);
    }
  });

  it('refuses 2xx bodies that are not JSON or not a flow, and oversized ones', async () => {
    const bodies = [
      '<html>proxy</html>',
      JSON.stringify({ ...FLOW, id: 5 }),
      JSON.stringify([FLOW]),
      'x'.repeat(2 << 20),
    ];
    for (const body of bodies) {
      const server = await serve((_request, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(body);
      });
      const error = await failure(client(server.url).flows.retrieve('flow_1'));
      expect(error.code).toBe('invalid_response');
      expect(server.requests).toHaveLength(1);
    }
  });

  it('never follows a redirect with the credentials', async () => {
    const elsewhere = await serve((_request, res) => sendJson(res, 200, FLOW));
    const server = await serve((_request, res) => {
      res.writeHead(307, { location: `${elsewhere.url}/api/v2/flows` });
      res.end();
    });
    const error = await failure(client(server.url, { retries: 0 }).flows.create({ steps: ['compliance'] }));
    expect(error).toMatchObject({ code: 'http_error', status: 307 });
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('refuses malformed flow ids and requests before sending anything', async () => {
    const server = await serve((_request, res) => sendJson(res, 200, FLOW));
    const dots = client(server.url);
    for (const id of ['', '..', '../admin', 'a/b', 'a b', 'a?b=1', 'é', 'x'.repeat(129), 42, null]) {
      expect((await failure(dots.flows.retrieve(id as string))).code).toBe('invalid_request');
    }
    for (const request of [
      null,
      {},
      { steps: 'compliance' },
      { steps: ['pdf-form-fill'] },
      { steps: [{ name: 'payout', payout_fee_party: 'app' }] },
      { steps: ['payout'], metadata: 42 },
      { steps: ['payout'], require_auth: 'yes' },
      { steps: ['payout'], user_id: '../admin' },
      { steps: ['payout'], usr_id: 'typo' },
    ]) {
      const error = await failure(dots.flows.create(request as never));
      expect(error.code).toBe('invalid_request');
      expect(error.message).toMatch(/^flows\.create: /);
    }
    expect(server.requests).toHaveLength(0);
  });
});
