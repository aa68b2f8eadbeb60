import { describe, expect, it } from 'vitest';
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
import { startTestServer } from './testing/startTestServer.js';

const { dots, errors, handler, sentToDots } = flowHandlerFixture();

/** The sandbox's guess at Dots' metadata key limit (40), answered the way Dots documents its codes. */
const refuseLongKeys = (body: Record<string, unknown>) => {
  const metadata = body['metadata'];
  const long =
    typeof metadata === 'object' && metadata !== null && Object.keys(metadata).some((key) => key.length > 40);
  return long
    ? {
        status: 400,
        body: { error: { code: 'invalid-input', message: 'metadata keys must be 1 to 40 characters long.' } },
      }
    : undefined;
};

async function errorBody(response: Response): Promise<{ code: string; message: string; dots_code?: string }> {
  return ((await response.json()) as { error: { code: string; message: string; dots_code?: string } }).error;
}

describe('createFlowHandler: when Dots refuses the request', () => {
  it('answers 400 with Dots’ reason for a 41–64 character metadata key, not 502 "try again later"', async () => {
    dots().refuseCreate(refuseLongKeys);
    for (const length of [41, 52, 64]) {
      const response = await handler()(post({ steps: ['payout'], metadata: { ['k'.repeat(length)]: 'v' } }));
      expect(response.status).toBe(400);
      const error = await errorBody(response);
      expect(error).toMatchObject({ code: 'dots_rejected', dots_code: 'invalid-input' });
      expect(error.message).toContain('metadata keys must be 1 to 40 characters long.');
      expect(error.message).not.toMatch(/try again/i);
    }
    expect((await handler()(post({ steps: ['payout'], metadata: { ['k'.repeat(40)]: 'v' } }))).status).toBe(201);
    // The host hears about every refusal: its own user_id or metadata may be the cause.
    expect(errors).toHaveLength(3);
    expect(errors.every((error) => error instanceof DotsApiError && error.code === 'bad_request')).toBe(true);
  });

  it.each([
    [400, { code: 'invalid-input', message: 'steps must be unique' }, 'invalid-input', 'steps must be unique'],
    [422, { message: 'template_id: no such template' }, undefined, 'template_id: no such template'],
    [
      409,
      { error: 'resource-busy', message: 'A previous request is still processing' },
      'resource-busy',
      'still processing',
    ],
    [404, { message: 'User not found' }, undefined, 'User not found'],
    [400, '<html>Bad Request</html>', undefined, 'HTTP 400'],
  ])('maps a %i %j on create to 400 dots_rejected', async (status, body, dotsCode, reason) => {
    dots().refuseCreate(() => ({ status, body }));
    const response = await handler()(post({ steps: [{ name: 'pdf-form-fill', template_id: 'tmpl_x' }] }));
    expect(response.status).toBe(400);
    const error = await errorBody(response);
    expect(error.code).toBe('dots_rejected');
    expect(error.dots_code).toBe(dotsCode);
    expect(error.message).toContain(reason);
  });

  it('answers 500 dots_auth_failed when Dots refuses the server’s credentials, without its internals', async () => {
    for (const status of [401, 403]) {
      dots().failWith(status);
      const message = await expectError(await handler()(post({ steps: ['payout'] })), 500, 'dots_auth_failed');
      expect(message).toContain('clientId, apiKey or environment');
      expect(message).not.toContain('internal detail');
      expect(message).not.toContain(API_KEY);
    }
  });

  it('answers 503 dots_rate_limited when Dots answers 429', async () => {
    dots().failWith(429, { message: 'slow down' });
    await expectError(await handler()(post({ steps: ['payout'] })), 503, 'dots_rate_limited');
  });

  it('answers 400 dots_rejected when Dots refuses a read, and 404 when it has no such flow', async () => {
    dots().failWith(400, { code: 'invalid-input', message: 'flow_id is not a UUID' });
    const read = await handler()(get(`${ENDPOINT}/flow_1`));
    expect(read.status).toBe(400);
    expect(await errorBody(read)).toMatchObject({ code: 'dots_rejected', dots_code: 'invalid-input' });
    dots().failWith(undefined);
    await expectError(await handler()(get(`${ENDPOINT}/flow_missing`)), 404, 'not_found');
  });

  it('keeps 502 with a retry hint for an unreachable Dots, and 500 for a malformed dotsUserId', async () => {
    const closed = await startTestServer(() => undefined);
    await closed.close();
    const client = createDotsClient({ clientId: 'c', apiKey: API_KEY, baseUrl: closed.url, retries: 0 });
    const unreachable = createFlowHandler({ client, resolveUser, onError: (error) => errors.push(error) });
    expect(await expectError(await unreachable(post({ steps: ['payout'] })), 502, 'dots_unavailable')).toContain(
      'Try again later',
    );
    expect((errors[0] as DotsApiError).code).toBe('network');

    // The server's own session data is wrong: nothing the browser can fix, and nothing is sent.
    const message = await expectError(
      await handler()(post({ steps: ['payout'] }, { 'x-dots-user': 'not a user id' })),
      500,
      'internal_error',
    );
    expect(message).not.toContain('not a user id');
    expect(sentToDots()).toHaveLength(0);
  });
});
