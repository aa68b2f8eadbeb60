import { inspect } from 'node:util';
import { DOTS_API_URLS } from '@dots-flow/core';
import { describe, expect, it } from 'vitest';
import { createDotsClient } from './createDotsClient.js';
import { DotsApiError } from './DotsApiError.js';
import {
  API_KEY,
  CLIENT_ID,
  FLOW,
  TOKEN,
  client,
  dotsClientFixture,
  expectNoCredentials,
  failure,
} from './testing/dotsClientFixture.js';
import { sendJson } from './testing/startTestServer.js';

const { serve } = dotsClientFixture();

describe('createDotsClient', () => {
  it('creates and retrieves flows with HTTP Basic auth and JSON', async () => {
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
    expect(dots.baseUrl).toBe(server.url);
  });

  it('keeps a base path and picks the documented hosts per environment', async () => {
    const server = await serve((_request, res) => sendJson(res, 200, FLOW));
    await client(`${server.url}/proxy/dots`).flows.retrieve('flow_1');
    expect(server.requests[0]?.url).toBe('/proxy/dots/api/v2/flows/flow_1');
    expect(createDotsClient({ clientId: 'c', apiKey: 'k' }).baseUrl).toBe(DOTS_API_URLS.sandbox);
    expect(createDotsClient({ clientId: 'c', apiKey: 'k', environment: 'production' }).baseUrl).toBe(
      DOTS_API_URLS.production,
    );
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
      [429, { message: 'Too many requests' }, 'rate_limited'],
      [500, { message: 'Boom' }, 'server_error'],
      [418, 'teapot', 'http_error'],
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
    for (const request of [null, {}, { steps: 'compliance' }]) {
      expect((await failure(dots.flows.create(request as never))).code).toBe('invalid_request');
    }
    expect(server.requests).toHaveLength(0);
  });
});
