import { inspect } from 'node:util';
import { afterEach, beforeAll, expect } from 'vitest';
import { createDotsClient } from '../createDotsClient.js';
import { DotsApiError } from '../DotsApiError.js';
import { sendJson, startTestServer } from './startTestServer.js';
import type { TestServer } from './startTestServer.js';

export const CLIENT_ID = 'client_123';
export const API_KEY = 'sk_live_S3cr3t-Key';
export const TOKEN = Buffer.from(`${CLIENT_ID}:${API_KEY}`).toString('base64');
export const FLOW_ID = '0b7c3f0e-9a4d-4c41-8a52-2f1f6f0f3b11';
/** A flow as Dots answers it (`docs/guides/flow-payouts.mdx`): naive timestamp, steps as requested. */
export const FLOW = {
  id: FLOW_ID,
  created: '2025-01-01T00:00:00.123456',
  user_id: null,
  steps: ['compliance'],
  completed_steps: [],
  link: `https://my-sandbox.dots.dev/flow/${FLOW_ID}`,
  metadata: { host_user_id: 'u1' },
  payout_link_id: null,
};

/** Real test servers for the client tests, each closed after its test. */
export function dotsClientFixture() {
  const servers: TestServer[] = [];
  // A worker's first fetch loads undici; on a busy machine that outlasts the 100 ms timeouts some
  // tests use, and the first attempt would never reach the server. One warm-up request avoids that.
  beforeAll(async () => {
    const warm = await startTestServer((_request, res) => sendJson(res, 200, {}));
    await fetch(warm.url).then((response) => response.arrayBuffer());
    await warm.close();
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  return {
    async serve(respond: Parameters<typeof startTestServer>[0]): Promise<TestServer> {
      const server = await startTestServer(respond);
      servers.push(server);
      return server;
    },
  };
}

export const client = (baseUrl: string, extra: Partial<Parameters<typeof createDotsClient>[0]> = {}) =>
  createDotsClient({ clientId: CLIENT_ID, apiKey: API_KEY, baseUrl, timeoutMs: 2000, ...extra });

/** Awaits a call that must fail with a DotsApiError and returns the error. */
export async function failure(promise: Promise<unknown>): Promise<DotsApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(DotsApiError);
    return error as DotsApiError;
  }
  throw new Error('expected the call to fail');
}

/** The API key and the Basic token appear in no view of the error a host might log. */
export function expectNoCredentials(error: DotsApiError): void {
  const views = [error.message, String(error), JSON.stringify(error), inspect(error, { depth: 5 }), error.stack ?? ''];
  for (const view of views) {
    expect(view).not.toContain(API_KEY);
    expect(view).not.toContain(TOKEN);
  }
  expect(error.dotsMessage ?? '').not.toContain(API_KEY);
}
