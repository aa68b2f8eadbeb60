import type { MiddlewareHandler } from 'hono';

/** One response the sandbox sent: what a contract check needs. */
export interface ObservedResponse {
  method: string;
  /** The request path, without the query. */
  path: string;
  status: number;
  contentType: string | null;
  body: string;
}

export type ResponseObserver = (response: ObservedResponse) => void;

/**
 * Where a test harness puts its observer. A global symbol, so the sandbox built into `dist/` (used by
 * other packages' tests) and the one under test from `src/` report to the same harness. Not public API.
 */
export const RESPONSE_OBSERVER_KEY = Symbol.for('@dots-flow/sandbox.responseObserver');

type ObserverSlot = { [RESPONSE_OBSERVER_KEY]?: ResponseObserver };

/** Installs (or, with `undefined`, removes) the process-wide observer of sandbox responses. */
export function setResponseObserver(observer: ResponseObserver | undefined): void {
  (globalThis as ObserverSlot)[RESPONSE_OBSERVER_KEY] = observer;
}

/** Hands each response to the observer, when a harness installed one, before it leaves the sandbox. */
export const observeResponses: MiddlewareHandler = async (c, next) => {
  await next();
  const observer = (globalThis as ObserverSlot)[RESPONSE_OBSERVER_KEY];
  if (!observer) return;
  observer({
    method: c.req.method,
    path: new URL(c.req.url).pathname,
    status: c.res.status,
    contentType: c.res.headers.get('content-type'),
    body: await c.res.clone().text(),
  });
};

/** The method an observed webhook event carries; its `path` is the event type (`transfer.completed`). */
export const WEBHOOK_METHOD = 'WEBHOOK';

/** Hands a webhook event the sandbox sends to the observer, so a harness holds its body to the contract too. */
export function observeEvent(eventType: string, body: object): void {
  const observer = (globalThis as ObserverSlot)[RESPONSE_OBSERVER_KEY];
  observer?.({
    method: WEBHOOK_METHOD,
    path: eventType,
    status: 200,
    contentType: 'application/json',
    body: JSON.stringify(body),
  });
}
