import type { DotsFlowError } from './DotsFlowError.js';
import { devWarn } from './devWarn.js';
import { flowSessionEvents } from './flowSessionEvents.js';
import type { FlowSessionEvent } from './flowSessionEvents.js';
import { createFlowSessionReducer, INITIAL_FLOW_SESSION_STATE } from './flowSessionReducer.js';
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

/** The part of an `HTMLIFrameElement` a session reads. */
export interface FlowFrame {
  readonly contentWindow: unknown;
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
  /**
   * This session's iframe: only messages from its `contentWindow`, read when each message arrives, are read.
   * `null` reads none.
   */
  setFrame(frame: FlowFrame | null | undefined): void;
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
  const trustedOrigins = [...options.trustedOrigins];
  // Production builds never warn (every call site is guarded too), so they need not even read the option.
  const warn = process.env.NODE_ENV !== 'production' ? (options.warn ?? devWarn) : devWarn;
  const onListenerError =
    options.onListenerError ??
    ((error: unknown) =>
      queueMicrotask(() => {
        throw error;
      }));
  const listeners = new Set<FlowSessionListener>();
  const eventListeners = new Set<FlowSessionEventListener>();
  // Deliveries a listener causes by dispatching wait their turn, so every listener sees changes in order.
  // The queue is non-empty exactly while a round is being delivered; it is cleared when the round ends.
  const queue: [listeners: Set<(...args: never[]) => void>, args: unknown[]][] = [];
  let state = INITIAL_FLOW_SESSION_STATE;
  let frame: FlowFrame | null | undefined;

  function dispatch(action: FlowSessionAction): boolean {
    const previous = state;
    const next = reducer(previous, action);
    if (next === previous) return false;
    state = next;
    const idle = !queue.length;
    queue.push(
      [listeners, [next, previous]],
      ...flowSessionEvents(action, previous, next).map((event): (typeof queue)[number] => [eventListeners, [event]]),
    );
    if (idle) {
      // Nothing below throws (listener errors are caught one by one), so the queue is always cleared.
      // An array iterator also visits what is pushed while it runs: the re-entrant deliveries, in order.
      for (const [set, args] of queue) {
        // A listener removed by an earlier one in the same round is not called any more.
        for (const listener of [...set]) {
          if (!set.has(listener)) continue;
          try {
            (listener as (...args: unknown[]) => void)(...args);
          } catch (error) {
            try {
              onListenerError(error);
            } catch {
              // A broken reporter must not break the store either.
            }
          }
        }
      }
      queue.length = 0;
    }
    return true;
  }

  // Call sites guard with NODE_ENV so production builds drop the messages as well as the warnings.
  function tell(message: string, detail?: unknown): void {
    try {
      warn(message, detail);
    } catch {
      // A throwing logger must not break the session.
    }
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
    setFrame(element) {
      frame = element;
    },
    receive(event) {
      let data: unknown;
      // Each field of the event is read once, in the order the checks need them.
      try {
        // Outside development reading `source` of a non-object throws (caught below) or gives undefined: no check needed.
        if (process.env.NODE_ENV !== 'production' && (typeof event !== 'object' || event === null)) return false;
        const { source } = event as FlowMessageEventLike;
        // Other windows' messages (other flows, dev tools, extensions) are normal traffic: ignore them quietly.
        // The frame's window is read only now: reading it when the iframe is inserted makes Chromium build the
        // blank cross-site frame's script context inside the host's render. No window (no frame, or a frame out
        // of the document) reads nothing, not even a message without a source.
        if (source == null || source !== frame?.contentWindow) return false;
        const { origin } = event as FlowMessageEventLike;
        if (!isTrustedOrigin(origin, trustedOrigins)) {
          if (process.env.NODE_ENV !== 'production') {
            tell(
              `Ignored a message from the flow frame: origin ${typeof origin === 'string' ? JSON.stringify(origin) : typeof origin} is not trusted. Add it to environment.frameOrigins if it serves your flows.`,
            );
          }
          return false;
        }
        data = (event as FlowMessageEventLike).data;
      } catch (error) {
        if (process.env.NODE_ENV !== 'production') tell('Ignored a message event that could not be read.', error);
        return false;
      }
      const message = parseFlowMessage(data);
      if (message === null) {
        if (process.env.NODE_ENV !== 'production') {
          tell('Ignored a malformed message from the flow frame (expected {height} or {step, status}).', data);
        }
        return false;
      }
      return dispatch({ type: 'message', message });
    },
    flowCreated(flow) {
      if (!dispatch({ type: 'flowCreated', flow }) && process.env.NODE_ENV !== 'production') {
        tell('flowCreated() was ignored: this session already has a flow or failed. Call reset() first.');
      }
    },
    fail: (error) => void dispatch({ type: 'failed', error }),
    reset: () => void dispatch({ type: 'reset' }),
  };
}
