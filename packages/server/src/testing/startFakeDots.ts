import { randomUUID } from 'node:crypto';
import { sendJson, startTestServer } from './startTestServer.js';
import type { RecordedRequest, TestServer } from './startTestServer.js';

/** What the fake answers instead of its normal answer: a status and a JSON body. */
export interface FakeAnswer {
  status: number;
  body: unknown;
}

export interface FakeDots extends TestServer {
  /** Flows by id, in creation order (the list answers newest first, as Dots' lists do). */
  flows: Map<string, Record<string, unknown>>;
  /** Makes every answer fail with this status (for 5xx paths); `body` defaults to one echoing the key. */
  failWith(status: number | undefined, body?: unknown): void;
  /** Lets a test refuse a create request the way Dots would, from its parsed body. */
  refuseCreate(rule: ((body: Record<string, unknown>) => FakeAnswer | undefined) | undefined): void;
}

/**
 * A small loopback Dots flows API, as Dots documents it (spec `/v2/flows`, `docs/guides/flow-payouts.mdx`):
 * Basic auth; `POST /api/v2/flows` (trailing slash too) answering the flow with a UUID, the requested step
 * names only (no onboarding entry), `metadata` null by default, `payout_link_id` null and a naive timestamp;
 * `GET /api/v2/flows/{id}`; `GET /api/v2/flows?limit&starting_after&ending_before` with `{ has_more, data }`.
 * The full emulator is @dots-flow/sandbox; this one stays small so each test can see every request.
 */
export async function startFakeDots(clientId: string, apiKey: string): Promise<FakeDots> {
  const flows = new Map<string, Record<string, unknown>>();
  let failure: FakeAnswer | undefined;
  let refusal: ((body: Record<string, unknown>) => FakeAnswer | undefined) | undefined;
  const expected = `Basic ${Buffer.from(`${clientId}:${apiKey}`).toString('base64')}`;

  const create = (request: RecordedRequest): FakeAnswer => {
    const body = JSON.parse(request.body) as Record<string, unknown>;
    const refused = refusal?.(body);
    if (refused) return refused;
    const id = randomUUID();
    const steps = (body['steps'] as (string | { name: string })[]).map((step) =>
      typeof step === 'string' ? step : step.name,
    );
    const flow = {
      id,
      // Dots' own answers carry naive timestamps (`2024-07-11T21:10:30.846081`).
      created: new Date().toISOString().replace('Z', '123'),
      user_id: body['user_id'] ?? null,
      steps,
      completed_steps: [],
      link: `https://my-sandbox.dots.dev/flow/${id}`,
      metadata: body['metadata'] ?? null,
      payout_link_id: null,
    };
    flows.set(id, flow);
    return { status: 200, body: flow };
  };

  const list = (url: URL): FakeAnswer => {
    const newestFirst = [...flows.values()].reverse();
    const limit = Number(url.searchParams.get('limit') ?? 10);
    const after = url.searchParams.get('starting_after');
    const before = url.searchParams.get('ending_before');
    const indexOf = (id: string | null) => newestFirst.findIndex((flow) => flow['id'] === id);
    if (before !== null) {
      const end = indexOf(before);
      if (end < 0) return { status: 404, body: { message: 'ending_before: no such flow' } };
      const start = Math.max(0, end - limit);
      return { status: 200, body: { has_more: start > 0, data: newestFirst.slice(start, end) } };
    }
    const start = after === null ? 0 : indexOf(after) + 1;
    if (start === 0 && after !== null) return { status: 404, body: { message: 'starting_after: no such flow' } };
    const data = newestFirst.slice(start, start + limit);
    return { status: 200, body: { has_more: start + limit < newestFirst.length, data } };
  };

  const server = await startTestServer((request, res) => {
    const answer = (result: FakeAnswer) => sendJson(res, result.status, result.body);
    if (failure !== undefined) return answer(failure);
    if (request.headers.authorization !== expected) return sendJson(res, 401, { message: 'Invalid credentials' });
    const url = new URL(request.url, 'http://fake.invalid');
    if (request.method === 'POST' && /^\/api\/v2\/flows\/?$/.test(url.pathname)) return answer(create(request));
    if (request.method === 'GET' && /^\/api\/v2\/flows\/?$/.test(url.pathname)) return answer(list(url));
    const match = /^\/api\/v2\/flows\/([^/]+)$/.exec(url.pathname);
    if (request.method === 'GET' && match) {
      const flow = flows.get(match[1] ?? '');
      return flow ? sendJson(res, 200, flow) : sendJson(res, 404, { message: 'Flow not found' });
    }
    return sendJson(res, 404, { message: 'Not found' });
  });
  return {
    ...server,
    flows,
    failWith(status, body = { message: `internal detail ${apiKey} stack trace` }) {
      failure = status === undefined ? undefined : { status, body };
    },
    refuseCreate(rule) {
      refusal = rule;
    },
  };
}
