// MSW stands in for the host's backend (the route `createFlowHandler` serves in a real app). Flows link to
// the sandbox's flow page, served by Storybook itself at /dots-sandbox, so every story runs offline.
import { delay, http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { staticFlowLink } from '@dots-flow/sandbox/static';
import type { Flow, StepInput } from '@dots-flow/react';

/** One route per backend behaviour, so stories side by side (docs pages) never disturb each other. */
export const ENDPOINTS = {
  /** The host knows its user: flows start signed in. */
  signedIn: '/api/dots/flows',
  /** No Dots user yet: the flow starts with phone verification. */
  newUser: '/api/dots/new-user/flows',
  /** Never answers. */
  slow: '/api/dots/slow/flows',
  /** Fails with a 502 the first time for each `?key=`, then works. */
  flaky: '/api/dots/flaky/flows',
  /** Answers a flow whose link points at a look-alike origin. */
  hostile: '/api/dots/hostile/flows',
  /** Answers a trusted link to a page that never posts a message. */
  silent: '/api/dots/silent/flows',
} as const;

/** A flaky route of its own for each mounted story: it fails once, then recovers. */
export const flakyEndpoint = () => `${ENDPOINTS.flaky}?key=${Math.random().toString(36).slice(2)}`;

/** Where Storybook serves its own files: next to iframe.html, or the origin's root under Vitest. */
export function storybookBase(): URL {
  return location.pathname.endsWith('/iframe.html') ? new URL('.', location.href) : new URL('/', location.origin);
}

const pageBase = () => new URL('dots-sandbox', storybookBase()).href;

interface FlowRequestBody {
  steps?: unknown;
  metadata?: Record<string, string>;
}

let created = 0;

/**
 * What the host has paid each story's user, so the payout step has money to withdraw: a Dots user's wallet
 * starts empty and holds only what the app transferred (a real backend would have called `transfers.create`).
 */
const STORY_BALANCE_CENTS = 10_000;

function flowFor(body: FlowRequestBody, userId: string | null, link?: string): Flow {
  const steps = body.steps as StepInput[];
  created += 1;
  return {
    id: `flow_story_${created}`,
    created: new Date().toISOString(),
    user_id: userId,
    steps: steps.map((step) => (typeof step === 'string' ? step : step.name)),
    completed_steps: [],
    link: link ?? staticFlowLink(pageBase(), { steps, user_id: userId, balance_cents: STORY_BALANCE_CENTS }),
    metadata: body.metadata ?? null,
    payout_link_id: null,
  };
}

async function readRequest(request: Request): Promise<FlowRequestBody | null> {
  const body: unknown = await request.json().catch(() => null);
  if (typeof body !== 'object' || body === null || !Array.isArray((body as FlowRequestBody).steps)) return null;
  return body as FlowRequestBody;
}

const badRequest = () =>
  HttpResponse.json({ error: { code: 'invalid_request', message: 'Send { steps: [...] }' } }, { status: 400 });

function route(path: string, answer: (body: FlowRequestBody, url: URL) => Response | Promise<Response>) {
  return http.post(path, async ({ request }) => {
    const body = await readRequest(request);
    return body ? answer(body, new URL(request.url)) : badRequest();
  });
}

const failedOnce = new Set<string>();

export const handlers = [
  route(ENDPOINTS.signedIn, (body) => HttpResponse.json(flowFor(body, 'user_storybook'))),
  route(ENDPOINTS.newUser, (body) => HttpResponse.json(flowFor(body, null))),
  route(ENDPOINTS.slow, async () => {
    await delay('infinite');
    return new HttpResponse(null, { status: 504 });
  }),
  route(ENDPOINTS.flaky, (body, url) => {
    const key = url.searchParams.get('key') ?? '';
    if (failedOnce.has(key)) return HttpResponse.json(flowFor(body, 'user_storybook'));
    failedOnce.add(key);
    return HttpResponse.json({ error: { code: 'dots_unavailable', message: 'Dots is unavailable' } }, { status: 502 });
  }),
  route(ENDPOINTS.hostile, (body) =>
    HttpResponse.json(flowFor(body, 'user_storybook', 'https://my.dots.dev.evil.com/flow/flow_hostile')),
  ),
  route(ENDPOINTS.silent, (body) => HttpResponse.json(flowFor(body, 'user_storybook', `${pageBase()}/flow.html`))),
];

let started: Promise<unknown> | undefined;

/** Starts the MSW worker once per page (a Storybook loader awaits it before every story). */
export function startBackend(): Promise<unknown> {
  started ??= setupWorker(...handlers).start({
    serviceWorker: { url: new URL('mockServiceWorker.js', storybookBase()).href },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
  return started;
}
