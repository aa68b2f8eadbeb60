import { describe, expect, it } from 'vitest';
import type { Flow } from '@dots-flow/core';
import { createDotsClient } from './createDotsClient.js';
import { createFlowHandler } from './createFlowHandler.js';
import { DotsApiError } from './DotsApiError.js';
import {
  API_KEY,
  ENDPOINT,
  expectError,
  flowHandlerFixture,
  get,
  post,
  resolveUser,
} from './testing/flowHandlerFixture.js';
import { sendJson, startTestServer } from './testing/startTestServer.js';

const { dots, errors, handler } = flowHandlerFixture();

describe('createFlowHandler: GET', () => {
  async function createdFlowId(user = 'host_1'): Promise<string> {
    const response = await handler()(post({ steps: ['payout'] }, { 'x-user': user }));
    return ((await response.json()) as Flow).id;
  }

  it('returns the user’s own flow by ?id= or a trailing /:id', async () => {
    const id = await createdFlowId();
    for (const url of [`${ENDPOINT}?id=${id}`, `${ENDPOINT}/${id}`, `${ENDPOINT}/${id}/`]) {
      const response = await handler()(get(url));
      expect(response.status).toBe(200);
      expect(((await response.json()) as Flow).id).toBe(id);
    }
    const custom = handler({ basePath: '/dots/flow/' });
    expect((await custom(get(`http://app.test/dots/flow/${id}`))).status).toBe(200);
  });

  it('answers 404 for another user’s flow and for an unknown flow, alike', async () => {
    const id = await createdFlowId('host_2');
    const other = await expectError(await handler()(get(`${ENDPOINT}/${id}`)), 404, 'not_found');
    const unknown = await expectError(await handler()(get(`${ENDPOINT}/flow_missing`)), 404, 'not_found');
    expect(other).toBe(unknown);
  });

  it('answers 404 for a flow without an owner stamp, whatever its metadata', async () => {
    const flow = { created: '2024-07-11T21:10:30.846081', user_id: null, steps: [], link: 'https://x.example/f' };
    // Dots' default (null), a string (never parsed for an owner, even when it looks like a stamp), and odd stamps.
    const unowned: [string, unknown][] = [
      ['flow_unstamped', null],
      ['flow_string', 'host_1'],
      ['flow_json_string', '{"host_user_id":"host_1"}'],
      ['flow_number_stamp', { host_user_id: 1 }],
    ];
    for (const [id, metadata] of unowned) {
      dots().flows.set(id, { ...flow, id, metadata });
      await expectError(await handler()(get(`${ENDPOINT}?id=${id}`)), 404, 'not_found');
    }
  });

  it('answers 400 for a missing, repeated or malformed id, and 401 without a user', async () => {
    await expectError(await handler()(get(ENDPOINT)), 400, 'missing_flow_id');
    await expectError(await handler()(get('http://app.test/elsewhere/flow_1')), 400, 'missing_flow_id');
    // The URL parser resolves %2e%2e to "..", leaving no id under the base path.
    await expectError(await handler()(get(`${ENDPOINT}/%2e%2e`)), 400, 'missing_flow_id');
    await expectError(await handler()(get(`${ENDPOINT}?id=a&id=b`)), 400, 'invalid_flow_id');
    for (const url of [
      `${ENDPOINT}?id=`,
      `${ENDPOINT}?id=..%2Fx`,
      `${ENDPOINT}/a/b`,
      `${ENDPOINT}/%2e%2e%2fx`,
      `${ENDPOINT}?id=a%20b`,
    ]) {
      await expectError(await handler()(get(url)), 400, 'invalid_flow_id');
    }
    await expectError(await handler()(get(`${ENDPOINT}?id=flow_1`, '')), 401, 'unauthorized');
    expect(dots().requests).toHaveLength(0);
  });
});

describe('createFlowHandler: failures', () => {
  it.each(['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'])('answers 405 to %s', async (method) => {
    const response = await handler()(new Request(ENDPOINT, { method, headers: { 'x-user': 'host_1' } }));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST');
  });

  it('answers 502 when Dots fails with 5xx, without Dots’ internals', async () => {
    for (const status of [500, 502, 503, 504]) {
      dots().failWith(status);
      const message = await expectError(await handler()(post({ steps: ['payout'] })), 502, 'dots_unavailable');
      expect(message).toContain('Try again later');
      expect(message).not.toContain('internal detail');
      expect(message).not.toContain(API_KEY);
    }
    dots().failWith(503);
    await expectError(await handler()(get(`${ENDPOINT}/flow_1`)), 502, 'dots_unavailable');
    expect(errors.every((error) => error instanceof DotsApiError)).toBe(true);
    expect(errors).toHaveLength(5);
  });

  it('answers 504 when Dots does not answer in time', async () => {
    const silent = await startTestServer(() => undefined);
    try {
      const client = createDotsClient({
        clientId: 'c',
        apiKey: API_KEY,
        baseUrl: silent.url,
        timeoutMs: 100,
        retries: 0,
      });
      const slow = createFlowHandler({ client, resolveUser, onError: (error) => errors.push(error) });
      await expectError(await slow(post({ steps: ['payout'] })), 504, 'dots_timeout');
      expect((errors[0] as DotsApiError).code).toBe('timeout');
    } finally {
      await silent.close();
    }
  });

  it('answers 502 when Dots answers 2xx with something that is not a flow', async () => {
    const odd = await startTestServer((_request, res) => sendJson(res, 200, { id: 'x', link: 42 }));
    try {
      const client = createDotsClient({ clientId: 'c', apiKey: API_KEY, baseUrl: odd.url });
      const response = await createFlowHandler({ client, resolveUser, onError: () => undefined })(
        post({ steps: ['payout'] }),
      );
      await expectError(response, 502, 'dots_unavailable');
    } finally {
      await odd.close();
    }
  });

  it('answers 500 without details when resolveUser or metadata throw or misbehave', async () => {
    const secretFailure = new Error('db password is hunter2');
    const throwing = handler({ resolveUser: () => Promise.reject(secretFailure) });
    expect(await expectError(await throwing(post({ steps: ['payout'] })), 500, 'internal_error')).not.toContain(
      'hunter2',
    );
    for (const user of [
      { hostUserId: '' },
      { hostUserId: 42 },
      { hostUserId: 'x'.repeat(501) },
      { hostUserId: 'u', dotsUserId: 7 },
      'host_1',
    ]) {
      await expectError(
        await handler({ resolveUser: () => user as never })(post({ steps: ['payout'] })),
        500,
        'internal_error',
      );
    }
    const badMetadata = handler({
      metadata: () => {
        throw secretFailure;
      },
    });
    await expectError(await badMetadata(post({ steps: ['payout'] })), 500, 'internal_error');
    expect(errors).toContain(secretFailure);
    expect(dots().requests).toHaveLength(0);
  });

  it('refuses unusable options at creation', () => {
    const client = createDotsClient({ clientId: 'c', apiKey: 'k', baseUrl: dots().url });
    expect(() => createFlowHandler({ client, resolveUser, allowedSteps: ['payout', 'withdraw' as never] })).toThrow(
      /withdraw/,
    );
    expect(() => createFlowHandler({ client, resolveUser, maxBodyBytes: 0 })).toThrow(TypeError);
    expect(() => createFlowHandler({ client, resolveUser, allowedSteps: [] })).toThrow(/at least one/);
    expect(() => createFlowHandler({ client, resolveUser, basePath: 'api/flows' })).toThrow(/basePath/);
    expect(() => createFlowHandler({ client: {} as never, resolveUser })).toThrow(TypeError);
    expect(() => createFlowHandler({ client, resolveUser: undefined as never })).toThrow(TypeError);
  });
});
