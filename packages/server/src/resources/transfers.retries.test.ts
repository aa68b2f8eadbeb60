import { describe, expect, it } from 'vitest';
import { client, dotsClientFixture, failure } from '../testing/dotsClientFixture.js';
import { sendJson } from '../testing/startTestServer.js';

const { serve } = dotsClientFixture();
const USER_ID = 'f33919ae-6793-41bd-b512-1ad3c19f4ecb';
const TRANSFER = {
  id: '6ad6b948-422d-4fc4-bd6c-fe1521639a2b',
  created: '2030-01-01T00:00:00',
  user_id: USER_ID,
  status: 'completed',
  type: 'balance',
  amount: -100,
  transactions: [],
  metadata: null,
};
const keysOf = (requests: { body: string }[]) =>
  requests.map((request) => (JSON.parse(request.body) as { idempotency_key: string }).idempotency_key);

describe('transfers.create: retries with one idempotency key', () => {
  it('retries a timed-out or 5xx transfer with the same generated key', async () => {
    const server = await serve((_request, res, index) => {
      if (index === 0) return; // never answers: times out
      if (index === 1) sendJson(res, 503, { message: 'busy' });
      else sendJson(res, 200, TRANSFER);
    });
    const transfer = await client(server.url, { timeoutMs: 150, retries: 2 }).transfers.create({
      amount: -100,
      user_id: USER_ID,
    });
    expect(transfer).toEqual(TRANSFER);
    const keys = keysOf(server.requests);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("keeps the caller's key, and gives each call a new key of its own", async () => {
    const server = await serve((_request, res) => sendJson(res, 200, TRANSFER));
    const dots = client(server.url);
    const key = '0b7c3f0e-9a4d-4c41-8a52-2f1f6f0f3b11';
    await dots.transfers.create({ amount: -100, user_id: USER_ID, idempotency_key: key });
    await dots.transfers.create({ amount: -100, user_id: USER_ID });
    await dots.transfers.create({ amount: -100, user_id: USER_ID });
    const keys = keysOf(server.requests);
    expect(keys[0]).toBe(key);
    expect(new Set(keys).size).toBe(3);
  });

  it('does not retry a 4xx such as transaction-insufficient-funds', async () => {
    const server = await serve((_request, res) =>
      sendJson(res, 400, { error: { code: 'transaction-insufficient-funds', message: 'The wallet holds 0 cents.' } }),
    );
    const error = await failure(client(server.url, { retries: 3 }).transfers.create({ amount: 100, user_id: USER_ID }));
    expect(error.status).toBe(400);
    expect(error.message).toContain('holds 0 cents');
    expect(server.requests).toHaveLength(1);
  });

  it('refuses an answer that is not a transfer', async () => {
    const server = await serve((_request, res) => sendJson(res, 200, { ok: true }));
    const error = await failure(client(server.url).transfers.create({ amount: -100, user_id: USER_ID }));
    expect(error.code).toBe('invalid_response');
  });
});
