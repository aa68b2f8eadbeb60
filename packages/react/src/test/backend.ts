// MSW stands in for the host's backend route in jsdom unit tests (the browser tests use the real sandbox).
import { http, HttpResponse, delay } from 'msw';
import { setupServer } from 'msw/node';
import type { Flow } from '@dots-flow/core';

export const ENDPOINT = 'http://localhost:3000/api/dots/flows';
export const FRAME_ORIGIN = 'https://my.senddotssandbox.com';

export function makeFlow(id: string, steps: string[], overrides: Partial<Flow> = {}): Flow {
  return {
    id,
    created: new Date().toISOString(),
    user_id: null,
    steps,
    completed_steps: [],
    link: `${FRAME_ORIGIN}/flow/${id}`,
    metadata: null,
    payout_link_id: null,
    ...overrides,
  };
}

export interface Received {
  body: unknown;
  signal: AbortSignal;
  credentials: RequestCredentials;
}

export const received: Received[] = [];
let next = 0;

export const server = setupServer(
  http.post(ENDPOINT, async ({ request }) => {
    const body = (await request.json()) as { steps: Array<string | { name: string }> };
    received.push({ body, signal: request.signal, credentials: request.credentials });
    next += 1;
    return HttpResponse.json(
      makeFlow(
        `flow_${next}`,
        body.steps.map((s) => (typeof s === 'string' ? s : s.name)),
      ),
    );
  }),
);

/** Answers the next POSTs with `respond` (once each), then falls back to the default handler. */
export function answerOnce(respond: () => Response | Promise<Response>) {
  server.use(
    http.post(
      ENDPOINT,
      async ({ request }) => {
        received.push({ body: await request.json(), signal: request.signal, credentials: request.credentials });
        return respond();
      },
      { once: true },
    ),
  );
}

/** Holds the next POST open until the returned function is called. */
export function holdNext() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  answerOnce(async () => {
    await Promise.race([gate, delay(5_000)]);
    return HttpResponse.json(makeFlow('flow_held', ['compliance']));
  });
  return release;
}

export function resetBackend() {
  received.length = 0;
  next = 0;
  server.resetHandlers();
}
