import { describe, expect, it, vi } from 'vitest';
import { FLOW, client, dotsClientFixture, expectNoCredentials, failure } from './testing/dotsClientFixture.js';
import { sendJson } from './testing/startTestServer.js';

const { serve } = dotsClientFixture();

describe('createDotsClient: timeouts and retries', () => {
  it('times out a silent Dots and retries a GET, each attempt with its own timeout', async () => {
    const server = await serve(() => undefined); // never answers
    const error = await failure(client(server.url, { timeoutMs: 100, retries: 2 }).flows.retrieve('flow_1'));
    expect(error.code).toBe('timeout');
    expect(server.requests).toHaveLength(3);
  });

  it('never repeats a POST that timed out: it may have reached Dots', async () => {
    const server = await serve(() => undefined);
    const error = await failure(client(server.url, { timeoutMs: 400, retries: 2 }).flows.create({ steps: ['payout'] }));
    expect(error.code).toBe('timeout');
    expect(server.requests).toHaveLength(1);
  });

  it('retries a GET after 5xx and 429 answers, then succeeds', async () => {
    const server = await serve((_request, res, index) =>
      index === 0 ? sendJson(res, 503, {}) : index === 1 ? sendJson(res, 429, {}) : sendJson(res, 200, FLOW),
    );
    await expect(client(server.url, { retries: 2 }).flows.retrieve('flow_1')).resolves.toEqual(FLOW);
    expect(server.requests).toHaveLength(3);
  });

  it('gives up on a GET after `retries` extra attempts, and does not retry a 4xx', async () => {
    const failing = await serve((_request, res) => sendJson(res, 502, { message: 'bad gateway' }));
    expect((await failure(client(failing.url, { retries: 1 }).flows.retrieve('flow_1'))).code).toBe('server_error');
    expect(failing.requests).toHaveLength(2);
    const missing = await serve((_request, res) => sendJson(res, 404, {}));
    expect((await failure(client(missing.url, { retries: 2 }).flows.retrieve('flow_1'))).code).toBe('not_found');
    expect(missing.requests).toHaveLength(1);
  });

  it('never repeats a POST that got an answer', async () => {
    const server = await serve((_request, res) => sendJson(res, 503, { message: 'unavailable' }));
    const error = await failure(client(server.url, { retries: 3 }).flows.create({ steps: ['payout'] }));
    expect(error).toMatchObject({ code: 'server_error', status: 503 });
    expect(server.requests).toHaveLength(1);
  });

  it('never repeats a POST without a key whose connection broke after sending: users.create would make two users', async () => {
    const server = await serve((_request, res) => void res.socket?.destroy());
    const dots = client(server.url, { retries: 3 });
    const bob = {
      first_name: 'Bob',
      last_name: 'L',
      email: 'bob@example.com',
      country_code: '1',
      phone_number: '4155550100',
    };
    expect((await failure(dots.users.create(bob))).code).toBe('network');
    expect(server.requests).toHaveLength(1);
    expect((await failure(dots.flows.create({ steps: ['payout'] }))).code).toBe('network');
    expect(server.requests).toHaveLength(2);
    expect((await failure(dots.payoutLinks.redeliver('0b7c3f0e-9a4d-4c41-8a52-2f1f6f0f3b11'))).code).toBe('network');
    expect(server.requests).toHaveLength(3);
  });

  it('repeats a money POST whose connection broke, with the same idempotency key', async () => {
    const server = await serve((_request, res, index) => {
      if (index === 0) res.socket?.destroy();
      else sendJson(res, 201, { id: '6ad6b948-422d-4fc4-bd6c-fe1521639a2b', type: 'payout' });
    });
    const userId = 'f33919ae-6793-41bd-b512-1ad3c19f4ecb';
    await client(server.url, { retries: 1 }).payouts.create({ user_id: userId, amount: 100, platform: 'default' });
    const keys = server.requests.map((r) => (JSON.parse(r.body) as { idempotency_key: string }).idempotency_key);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
  });

  it('repeats any POST whose connection never opened (refused): nothing reached Dots', async () => {
    const server = await serve((_request, res) => sendJson(res, 200, FLOW));
    let calls = 0;
    const refusedOnce = async (input: string, init: RequestInit) => {
      calls += 1;
      if (calls === 1)
        throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) });
      return fetch(input, init);
    };
    await expect(
      client(server.url, { retries: 1, fetch: refusedOnce }).flows.create({ steps: ['payout'] }),
    ).resolves.toEqual(FLOW);
    expect(calls).toBe(2);
    expect(server.requests).toHaveLength(1);
  });

  it('reports an unreachable Dots as a network error, after the retries', async () => {
    const server = await serve(() => undefined);
    await server.close(); // closing twice (again after the test) is harmless
    const error = await failure(client(server.url, { retries: 1 }).flows.create({ steps: ['payout'] }));
    expect(error.code).toBe('network');
    expect(error.message).toContain('ECONNREFUSED');
    expectNoCredentials(error);
  });

  it("stops when the caller's signal aborts, and sends nothing when it already has", async () => {
    const server = await serve(() => undefined);
    const controller = new AbortController();
    const pending = client(server.url, { timeoutMs: 5000 }).flows.retrieve('flow_1', { signal: controller.signal });
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    controller.abort();
    expect((await failure(pending)).code).toBe('aborted');
    expect(server.requests).toHaveLength(1);
    const aborted = AbortSignal.abort();
    expect((await failure(client(server.url).flows.create({ steps: ['payout'] }, { signal: aborted }))).code).toBe(
      'aborted',
    );
    expect(server.requests).toHaveLength(1);
  });

  it('uses a custom fetch', async () => {
    const seen: string[] = [];
    const dots = client('https://dots.invalid', {
      fetch: async (input) => {
        seen.push(input);
        return new Response(JSON.stringify(FLOW), { status: 200 });
      },
    });
    await expect(dots.flows.retrieve('flow_1')).resolves.toEqual(FLOW);
    expect(seen).toEqual(['https://dots.invalid/api/v2/flows/flow_1']);
  });
});
