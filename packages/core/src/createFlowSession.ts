import type { DotsFlowError } from './DotsFlowError.js';
import { devWarn } from './devWarn.js';
import { flowSessionEvents } from './flowSessionEvents.js';
import type { FlowSessionEvent } from './flowSessionEvents.js';
import { createFlowSessionReducer, flowSessionActions, INITIAL_FLOW_SESSION_STATE } from './flowSessionReducer.js';
import type { FlowSessionAction, FlowSessionState } from './flowSessionReducer.js';
import { isTrustedOrigin } from './isTrustedOrigin.js';
import { parseFlowMessage } from './parseFlowMessage.js';
import type { StepInput } from './steps.js';
import type { Flow } from './types.js';

export interface FlowSessionOptions {
  steps: readonly StepInput[];
  /** Origins the flow frame may speak from, usually `frameOriginsFor(environment)`. */
  trustedOrigins: readonly string[];
  /** The flow was created for a known user: no onboarding step. */
  hasUser?: boolean;
  /** Told about rejected messages and misuse. Default: `console.warn` outside production. */
  warn?: (message: string, detail?: unknown) => void;
  /** Told about errors thrown by listeners. Default: rethrown in a microtask, so they reach error reporting. */
  onListenerError?: (error: unknown) => void;
}

/** The fields of a `MessageEvent` a session reads. */
export interface FlowMessageEventLike {
  readonly origin: unknown;
  readonly source: unknown;
  readonly data: unknown;
}

export type FlowSessionListener = (state: FlowSessionState, previous: FlowSessionState) => void;
export type FlowSessionEventListener = (event: FlowSessionEvent) => void;

export interface FlowSession {
  /** The current state: frozen, and the same object until something changes (for `useSyncExternalStore`). */
  getSnapshot(): FlowSessionState;
  subscribe(listener: FlowSessionListener): () => void;
  /** Discrete events, each delivered once, in order, after the state change that caused it. */
  onEvent(listener: FlowSessionEventListener): () => void;
  /** The `contentWindow` of this session's iframe; only messages it sends are read. `null` reads none. */
  setFrame(frame: unknown): void;
  /** Applies a `MessageEvent`-like object from the trusted frame. Returns whether it changed the session. Never throws. */
  receive(event: unknown): boolean;
  flowCreated(flow: Flow): void;
  fail(error: DotsFlowError): void;
  /** Back to `creating`, for a retry. The frame stays set. */
  reset(): void;
}

/**
 * Creates the store of one embedded flow: its status, steps, progress and frame height, fed by
 * `flowCreated`/`fail` and by the frame's messages through `receive`.
 * Throws `DotsFlowError('invalid_request')` for steps that are not Dots steps.
 *
 * @example
 * const session = createFlowSession({ steps: ['compliance'], trustedOrigins: frameOriginsFor('sandbox') })
 * window.addEventListener('message', (event) => session.receive(event))
 */
export function createFlowSession(options: FlowSessionOptions): FlowSession {
  const reducer = createFlowSessionReducer(options);
  const trustedOrigins: readonly string[] = Object.freeze(Array.from(options.trustedOrigins));
  const warn = options.warn ?? devWarn;
  const onListenerError = options.onListenerError ?? ((error: unknown) => queueMicrotask(() => rethrow(error)));
  const listeners = new Set<FlowSessionListener>();
  const eventListeners = new Set<FlowSessionEventListener>();
  // Work done by a listener that dispatches is queued, so every listener sees changes in order.
  const queue: (() => void)[] = [];
  let flushing = false;
  let state = INITIAL_FLOW_SESSION_STATE;
  let frame: unknown = null;

  function safely(run: () => void, report: (error: unknown) => void): void {
    try {
      run();
    } catch (error) {
      try {
        report(error);
      } catch {
        // A broken reporter must not break the store either.
      }
    }
  }

  function notify<L>(set: Set<L>, call: (listener: L) => void): void {
    // A listener removed by an earlier one in the same round is not called any more.
    for (const listener of [...set]) if (set.has(listener)) safely(() => call(listener), onListenerError);
  }

  function dispatch(action: FlowSessionAction): boolean {
    const previous = state;
    const next = reducer(previous, action);
    if (next === previous) return false;
    state = next;
    queue.push(() => notify(listeners, (listener) => listener(next, previous)));
    for (const event of flowSessionEvents(action, previous, next))
      queue.push(() => notify(eventListeners, (listener) => listener(event)));
    if (!flushing) {
      flushing = true;
      try {
        for (let job = queue.shift(); job !== undefined; job = queue.shift()) job();
      } finally {
        flushing = false;
      }
    }
    return true;
  }

  // Call sites guard with NODE_ENV so production builds drop the messages as well as the warnings.
  function tell(message: string, detail?: unknown): void {
    safely(
      () => warn(message, detail),
      () => undefined,
    );
  }

  /** Reads each field of the event once, in the order the checks need them; `null` when not for us. */
  function read(event: unknown): { data: unknown } | null {
    if (typeof event !== 'object' || event === null) return null;
    const { source } = event as FlowMessageEventLike;
    // Other windows' messages (other flows, dev tools, extensions) are normal traffic: ignore them quietly.
    if (frame === null || source !== frame) return null;
    const { origin } = event as FlowMessageEventLike;
    if (!isTrustedOrigin(origin, trustedOrigins)) {
      if (process.env.NODE_ENV !== 'production') {
        tell(
          `Ignored a message from the flow frame: origin ${typeof origin === 'string' ? JSON.stringify(origin) : typeof origin} is not trusted. Add it to environment.frameOrigins if it serves your flows.`,
        );
      }
      return null;
    }
    return { data: (event as FlowMessageEventLike).data };
  }

  return {
    getSnapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => void eventListeners.delete(listener);
    },
    setFrame(win) {
      frame = win ?? null;
    },
    receive(event) {
      let checked: { data: unknown } | null;
      try {
        checked = read(event);
      } catch (error) {
        if (process.env.NODE_ENV !== 'production') tell('Ignored a message event that could not be read.', error);
        return false;
      }
      if (checked === null) return false;
      const message = parseFlowMessage(checked.data);
      if (message === null) {
        if (process.env.NODE_ENV !== 'production') {
          tell('Ignored a malformed message from the flow frame (expected {height} or {step, status}).', checked.data);
        }
        return false;
      }
      return dispatch(flowSessionActions.message(message));
    },
    flowCreated(flow) {
      if (!dispatch(flowSessionActions.flowCreated(flow)) && process.env.NODE_ENV !== 'production') {
        tell('flowCreated() was ignored: this session already has a flow or failed. Call reset() first.');
      }
    },
    fail: (error) => void dispatch(flowSessionActions.failed(error)),
    reset: () => void dispatch(flowSessionActions.reset()),
  };
}

function rethrow(error: unknown): never {
  throw error;
}
