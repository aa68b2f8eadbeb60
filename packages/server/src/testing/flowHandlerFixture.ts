import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { createDotsClient } from '../createDotsClient.js';
import { createFlowHandler } from '../createFlowHandler.js';
import type { FlowHandlerOptions } from '../createFlowHandler.js';
import { startFakeDots } from './startFakeDots.js';
import type { FakeDots } from './startFakeDots.js';

export const API_KEY = 'sk_test_handler_key';
export const ENDPOINT = 'http://app.test/api/dots/flows';

/** The host's "session": the signed-in user comes from the x-user header. */
export const resolveUser: FlowHandlerOptions['resolveUser'] = (request) => {
  const hostUserId = request.headers.get('x-user');
  return hostUserId ? { hostUserId, dotsUserId: request.headers.get('x-dots-user') } : null;
};

/**
 * Shared set-up of the flow handler tests: a fake Dots on 127.0.0.1 (fresh requests per test),
 * a handler factory, request builders and an error-shape assertion.
 */
export function flowHandlerFixture() {
  let dots: FakeDots | undefined;
  const errors: unknown[] = [];
  const fake = (): FakeDots => {
    if (!dots) throw new Error('the fake Dots is not started yet');
    return dots;
  };

  beforeAll(async () => {
    dots = await startFakeDots('client_h', API_KEY);
  });
  afterAll(() => dots?.close());
  beforeEach(() => {
    fake().requests.length = 0;
    fake().failWith(undefined);
    fake().refuseCreate(undefined);
    errors.length = 0;
  });

  return {
    dots: fake,
    errors,
    handler(options: Partial<FlowHandlerOptions> = {}) {
      const client = createDotsClient({ clientId: 'client_h', apiKey: API_KEY, baseUrl: fake().url, timeoutMs: 2000 });
      return createFlowHandler({ client, resolveUser, onError: (error) => errors.push(error), ...options });
    },
    /** What the handler sent to Dots, parsed. */
    sentToDots: () => fake().requests.map((request) => JSON.parse(request.body || 'null') as Record<string, unknown>),
  };
}

export function post(body: unknown, headers: Record<string, string> = {}, url = ENDPOINT): Request {
  return new Request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-user': 'host_1', ...headers },
    body: typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body),
  });
}

export const get = (url: string, user = 'host_1'): Request =>
  new Request(url, { headers: user ? { 'x-user': user } : {} });

/** Asserts the `{ error: { code, message } }` shape and returns the message. */
export async function expectError(response: Response, status: number, code: string): Promise<string> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/json');
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  return body.error.message;
}
