import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Flow } from '@dots-flow/core';
import { createDotsClient } from '../createDotsClient.js';
import type { DotsClient } from '../createDotsClient.js';
import { DotsApiError } from '../DotsApiError.js';
import { failure } from '../testing/dotsClientFixture.js';
import { startFakeDots } from '../testing/startFakeDots.js';
import type { FakeDots } from '../testing/startFakeDots.js';
import { sendJson, startTestServer } from '../testing/startTestServer.js';

let dots: FakeDots;
let client: DotsClient;
let created: Flow[]; // oldest first; Dots lists newest first

beforeAll(async () => {
  dots = await startFakeDots('client_l', 'key_l');
  client = createDotsClient({ clientId: 'client_l', apiKey: 'key_l', baseUrl: dots.url, retries: 0 });
  created = [];
  for (let index = 0; index < 7; index += 1) {
    created.push(await client.flows.create({ steps: ['payout'], metadata: { index } }));
  }
});
afterAll(() => dots.close());
beforeEach(() => {
  dots.requests.length = 0;
});

const ids = (flows: readonly Flow[]) => flows.map((flow) => flow.id);
const newestFirst = () => ids([...created].reverse());

describe('flows.list', () => {
  it('answers one page, { has_more, data }, with the cursor parameters in the query', async () => {
    const page = await client.flows.list({ limit: 3 });
    expect(page.has_more).toBe(true);
    expect(ids(page.data)).toEqual(newestFirst().slice(0, 3));
    const next = await client.flows.list({ limit: 3, starting_after: page.data[2]?.id ?? '' });
    expect(ids(next.data)).toEqual(newestFirst().slice(3, 6));
    const back = await client.flows.list({ limit: 2, ending_before: next.data[0]?.id ?? '' });
    expect(ids(back.data)).toEqual(newestFirst().slice(1, 3));
    expect(dots.requests.map((request) => request.url)).toEqual([
      '/api/v2/flows?limit=3',
      `/api/v2/flows?limit=3&starting_after=${page.data[2]?.id}`,
      `/api/v2/flows?limit=2&ending_before=${next.data[0]?.id}`,
    ]);
    expect((await client.flows.list()).data.length).toBeGreaterThan(0);
    expect(dots.requests.at(-1)?.url).toBe('/api/v2/flows');
  });

  it('walks every page with for await, one request per page', async () => {
    const seen: string[] = [];
    for await (const flow of client.flows.list({ limit: 3 })) seen.push(flow.id);
    expect(seen).toEqual(newestFirst());
    expect(dots.requests).toHaveLength(3);
    expect(dots.requests[1]?.url).toBe(`/api/v2/flows?limit=3&starting_after=${seen[2]}`);
  });

  it('walks backwards from ending_before, moving away from the cursor', async () => {
    const all = newestFirst();
    const seen: string[] = [];
    for await (const flow of client.flows.list({ limit: 2, ending_before: all[5] ?? '' })) seen.push(flow.id);
    expect(seen).toEqual(all.slice(0, 5).reverse());
  });

  it('autoPagingToArray stops at its limit and fetches no further page', async () => {
    const first = await client.flows.list({ limit: 2 }).autoPagingToArray({ limit: 3 });
    expect(ids(first)).toEqual(newestFirst().slice(0, 3));
    expect(dots.requests).toHaveLength(2);
    for (const limit of [0, -1, 1.5, 10_001, Number.NaN, '3', undefined]) {
      const error = await failure(client.flows.list().autoPagingToArray({ limit } as never));
      expect(error.code).toBe('invalid_request');
    }
    expect(await failure(client.flows.list().autoPagingToArray(undefined as never))).toBeInstanceOf(DotsApiError);
  });

  it('breaking out of the loop stops the paging', async () => {
    for await (const flow of client.flows.list({ limit: 2 })) {
      expect(flow.id).toBe(newestFirst()[0]);
      break;
    }
    expect(dots.requests).toHaveLength(1);
  });

  it('sends nothing until awaited or iterated, and reuses the first page', async () => {
    const pending = client.flows.list({ limit: 7 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(dots.requests).toHaveLength(0);
    expect(Object.prototype.toString.call(pending)).toBe('[object DotsListPromise]');
    const page = await pending;
    const again: string[] = [];
    for await (const flow of pending) again.push(flow.id);
    expect(again).toEqual(ids(page.data));
    expect(dots.requests).toHaveLength(1);
    await expect(pending.then((value) => value.has_more)).resolves.toBe(false);
    await expect(client.flows.list({ limit: 0 }).catch((error: unknown) => error)).resolves.toBeInstanceOf(
      DotsApiError,
    );
    await expect(client.flows.list({ limit: 0 }).finally(() => undefined)).rejects.toThrow(/limit/);
  });

  it.each([
    [{ limit: 0 }, 'limit'],
    [{ limit: 101 }, 'limit'],
    [{ limit: 2.5 }, 'limit'],
    [{ limit: '10' }, 'limit'],
    [{ starting_after: '../admin' }, 'starting_after'],
    [{ ending_before: 'a b' }, 'ending_before'],
    [{ starting_after: 42 }, 'starting_after'],
    [{ starting_after: 'flow_a', ending_before: 'flow_b' }, 'not both'],
    [{ limt: 10 }, 'unknown parameter "limt"'],
    [null, 'params must be an object'],
    ['limit=10', 'params must be an object'],
  ])('refuses the params %j before sending anything', async (params, hint) => {
    const error = await failure(client.flows.list(params as never));
    expect(error.code).toBe('invalid_request');
    expect(error.message).toContain(hint);
    await expect(
      (async () => {
        for await (const flow of client.flows.list(params as never)) void flow;
      })(),
    ).rejects.toMatchObject({ code: 'invalid_request' });
    expect(dots.requests).toHaveLength(0);
  });

  it('passes the signal to every page and stops when it aborts', async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const flow of client.flows.list({ limit: 2 }, { signal: controller.signal })) {
          seen.push(flow.id);
          controller.abort();
        }
      })(),
    ).rejects.toMatchObject({ code: 'aborted' });
    expect(seen).toHaveLength(2);
  });
});

describe('flows.list against a misbehaving server', () => {
  const serveOnce = async (answer: (index: number) => unknown) => {
    const server = await startTestServer((_request, res, index) => sendJson(res, 200, answer(index)));
    const odd = createDotsClient({ clientId: 'c', apiKey: 'k', baseUrl: server.url, retries: 0 });
    return { server, odd };
  };
  const flow = (id: string) => ({ id, created: '2024-07-11T21:10:30.846081', steps: [], link: 'https://x/y' });

  it.each([
    [{ data: [] }],
    [{ has_more: 'no', data: [] }],
    [{ has_more: false, data: {} }],
    [{ has_more: false, data: [{ id: 1 }] }],
    [[flow('a')]],
    ['page'],
  ])('refuses the page %j as invalid_response', async (body) => {
    const { server, odd } = await serveOnce(() => body);
    try {
      expect((await failure(odd.flows.list())).code).toBe('invalid_response');
    } finally {
      await server.close();
    }
  });

  it('stops a server that repeats a page or announces more with none, instead of looping', async () => {
    const repeating = await serveOnce(() => ({ has_more: true, data: [flow('a'), flow('b')] }));
    const empty = await serveOnce(() => ({ has_more: true, data: [] }));
    try {
      const seen: string[] = [];
      const loop = async (client: DotsClient) => {
        for await (const item of client.flows.list()) seen.push(item.id);
      };
      await expect(loop(repeating.odd)).rejects.toMatchObject({ code: 'invalid_response' });
      expect(seen).toEqual(['a', 'b', 'a', 'b']);
      expect(repeating.server.requests).toHaveLength(2);
      await expect(loop(empty.odd)).rejects.toMatchObject({ code: 'invalid_response' });
      expect(empty.server.requests).toHaveLength(1);
    } finally {
      await Promise.all([repeating.server.close(), empty.server.close()]);
    }
  });

  it('retries a failed page GET like any GET', async () => {
    const server = await startTestServer((_request, res, index) =>
      index === 0 ? sendJson(res, 503, {}) : sendJson(res, 200, { has_more: false, data: [flow('a')] }),
    );
    try {
      const retrying = createDotsClient({ clientId: 'c', apiKey: 'k', baseUrl: server.url, retries: 1 });
      vi.useFakeTimers({ toFake: ['setTimeout'], shouldAdvanceTime: true });
      expect(ids((await retrying.flows.list()).data)).toEqual(['a']);
      expect(server.requests).toHaveLength(2);
    } finally {
      vi.useRealTimers();
      await server.close();
    }
  });
});
