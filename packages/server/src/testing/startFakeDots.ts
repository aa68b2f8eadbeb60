import { randomUUID } from 'node:crypto';
import { sendJson, startTestServer } from './startTestServer.js';
import type { TestServer } from './startTestServer.js';

export interface FakeDots extends TestServer {
  flows: Map<string, Record<string, unknown>>;
  /** Makes the next answers fail with this status (for 502 paths). */
  failWith(status: number | undefined): void;
}

/**
 * A minimal Dots flows API for the handler tests: Basic auth, POST and GET /api/v2/flows.
 * The full emulator is @dots-flow/sandbox; this one stays small so each test can see every request.
 */
export async function startFakeDots(clientId: string, apiKey: string): Promise<FakeDots> {
  const flows = new Map<string, Record<string, unknown>>();
  let failure: number | undefined;
  const expected = `Basic ${Buffer.from(`${clientId}:${apiKey}`).toString('base64')}`;
  const server = await startTestServer((request, res) => {
    if (failure !== undefined) return sendJson(res, failure, { message: `internal detail ${apiKey} stack trace` });
    if (request.headers.authorization !== expected) return sendJson(res, 401, { message: 'Invalid credentials' });
    if (request.method === 'POST' && request.url === '/api/v2/flows') {
      const body = JSON.parse(request.body) as Record<string, unknown>;
      const id = randomUUID();
      const steps = (body['steps'] as (string | { name: string })[]).map((step) =>
        typeof step === 'string' ? step : step.name,
      );
      const flow = {
        id,
        created: new Date().toISOString(),
        user_id: body['user_id'] ?? null,
        steps: body['user_id'] ? steps : ['onboarding', ...steps],
        completed_steps: [],
        link: `https://my.senddotssandbox.com/flow/${id}`,
        metadata: body['metadata'] ?? null,
      };
      flows.set(id, flow);
      return sendJson(res, 200, flow);
    }
    const match = /^\/api\/v2\/flows\/([^/]+)$/.exec(request.url);
    if (request.method === 'GET' && match) {
      const flow = flows.get(match[1] ?? '');
      return flow ? sendJson(res, 200, flow) : sendJson(res, 404, { message: 'Flow not found' });
    }
    return sendJson(res, 404, { message: 'Not found' });
  });
  return {
    ...server,
    flows,
    failWith(status) {
      failure = status;
    },
  };
}
