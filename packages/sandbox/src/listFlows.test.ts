// `GET /api/v2/flows`: Dots' cursor pagination, newest first, over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Flow } from '@dots-flow/core';
import { createFlow, listFlows } from './test-support/http.js';
import { expectApiError } from './test-support/expectApiError.js';
import { startSandbox } from './startSandbox.js';
import type { Sandbox } from './startSandbox.js';

let sandbox: Sandbox;
let strict: Sandbox;
/** Oldest first, as created. */
const created: Flow[] = [];
let clock = Date.parse('2030-05-01T12:00:00Z');

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, now: () => clock });
  strict = await startSandbox({ port: 0, strict: true });
  for (let i = 0; i < 25; i += 1) {
    clock += 1000;
    created.push(await createFlow(sandbox.url, { steps: ['payout'], metadata: { n: String(i) } }));
  }
});
afterAll(() => Promise.all([sandbox.close(), strict.close()]));

const ids = (flows: readonly Flow[]) => flows.map((flow) => flow.id);
const newestFirst = () => ids([...created].reverse());
async function page(query = '') {
  const response = await listFlows(sandbox.url, query);
  expect(response.status).toBe(200);
  return (await response.json()) as { has_more: boolean; data: Flow[] };
}

describe('GET /api/v2/flows', () => {
  it('lists the newest 10 first, the same objects GET returns', async () => {
    const first = await page();
    expect(first.has_more).toBe(true);
    expect(ids(first.data)).toEqual(newestFirst().slice(0, 10));
    expect(first.data[0]).toEqual(created.at(-1));
  });

  it('walks forward with starting_after and back with ending_before', async () => {
    const seen: string[] = [];
    let query = '?limit=7';
    for (;;) {
      const next = await page(query);
      seen.push(...ids(next.data));
      if (!next.has_more) break;
      query = `?limit=7&starting_after=${next.data.at(-1)?.id ?? ''}`;
    }
    expect(seen).toEqual(newestFirst());

    const all = newestFirst();
    const back = await page(`?limit=3&ending_before=${all[10]}`);
    expect(ids(back.data)).toEqual(all.slice(7, 10));
    expect(back.has_more).toBe(true);
    const start = await page(`?limit=3&ending_before=${all[2]}`);
    expect(ids(start.data)).toEqual(all.slice(0, 2));
    expect(start.has_more).toBe(false);
  });

  it('honours limit from 1 to 100 and says when the list ends', async () => {
    expect((await page('?limit=1')).data).toHaveLength(1);
    const all = await page('?limit=100');
    expect(all).toMatchObject({ has_more: false });
    expect(all.data).toHaveLength(25);
    const last = await page(`?starting_after=${newestFirst().at(-1)}`);
    expect(last).toEqual({ has_more: false, data: [] });
  });

  it('ignores unknown query parameters, refusing them in strict mode', async () => {
    expect((await page('?limt=5')).data).toHaveLength(10);
    const error = await expectApiError(await listFlows(strict.url, '?limt=5'), 400, 'invalid-input');
    expect(error).toMatchObject({ field: 'limt' });
  });

  it.each([
    ['?limit=0', 'limit'],
    ['?limit=101', 'limit'],
    ['?limit=-1', 'limit'],
    ['?limit=1.5', 'limit'],
    ['?limit=ten', 'limit'],
    ['?limit=', 'limit'],
    ['?starting_after=flow_123', 'starting_after'],
    ['?ending_before=', 'ending_before'],
    ['?starting_after=00000000-0000-4000-8000-000000000000', 'starting_after'],
  ])('answers 400 invalid-input for %s', async (query, field) => {
    expect(await expectApiError(await listFlows(sandbox.url, query), 400, 'invalid-input')).toMatchObject({ field });
  });

  it('refuses both cursors at once', async () => {
    const [a, b] = newestFirst();
    const error = await expectApiError(
      await listFlows(sandbox.url, `?starting_after=${a}&ending_before=${b}`),
      400,
      'invalid-input',
    );
    expect(error.message).toMatch(/not both/);
  });

  it('answers an empty list on a fresh sandbox', async () => {
    const fresh = await startSandbox({ port: 0 });
    try {
      expect(await (await listFlows(fresh.url)).json()).toEqual({ has_more: false, data: [] });
    } finally {
      await fresh.close();
    }
  });
});
