import { createFlowSession } from './createFlowSession.js';
import type { FlowSession, FlowSessionOptions } from './createFlowSession.js';
import { DotsFlowError } from './DotsFlowError.js';
import type { CompletedStep, FlowSessionState } from './flowSessionReducer.js';
import { parseFlow } from './parseFlow.js';
import type { FlowStepName, StepStatus } from './steps.js';
import { validateFlowLink } from './validateFlowLink.js';

export interface StepCompleteEvent {
  step: FlowStepName;
  status: StepStatus;
  flowId: string;
  completedSteps: readonly CompletedStep[];
}

/** What a host hears from its flow. Read when used, so `setCallbacks` can swap them at any time. */
export interface FlowCallbacks {
  onReady?: () => void;
  onHeightChange?: (height: number) => void;
  onStepComplete?: (event: StepCompleteEvent) => void;
  onComplete?: (event: { flowId: string }) => void;
  onError?: (error: DotsFlowError) => void;
  /** How long the frame may take to send its first message before a `frame_timeout` error. Default: 20 s. */
  frameTimeoutMs?: number;
}

export interface FlowControllerOptions extends FlowSessionOptions, FlowCallbacks {
  /**
   * Creates the flow (through the host's backend) and resolves with the Dots flow object, which is checked
   * here. The signal aborts when the controller lets go of this creation: on disconnect and on retry.
   */
  create: (signal: AbortSignal) => Promise<unknown>;
}

/** The part of a `Window` a controller listens on. */
export interface FlowMessageTarget {
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

export interface FlowController extends Pick<FlowSession, 'getSnapshot' | 'subscribe' | 'onEvent' | 'setFrame'> {
  /** The session behind this controller, for progress UIs. */
  readonly session: FlowSession;
  /** Replaces the callbacks (and `frameTimeoutMs`), e.g. with a component's latest props. */
  setCallbacks(callbacks: FlowCallbacks): void;
  /**
   * Listens to `target`'s messages, times the frame's first message and creates the flow unless it has one.
   * Returns the disconnect (dispose) function: it removes the listener, stops the timer and aborts an unfinished
   * creation. Connecting again first disconnects the previous connection.
   */
  connect(target: FlowMessageTarget): () => void;
  /** Lets go of the current flow and creates a new one (once connected). */
  retry(): void;
}

/**
 * The whole life of one embedded flow, without a framework: its creation (through `create`), the check of its
 * link, the frame's messages, the frame timer and retries. Subscribable like its session.
 * Throws `DotsFlowError('invalid_request')` for steps that are not Dots steps.
 *
 * @example
 * const flow = createFlowController({ steps: ['payout'], trustedOrigins: frameOriginsFor('sandbox'), create })
 * flow.subscribe(({ flow: created }) => { if (created && !iframe.src) iframe.src = created.link })
 * flow.setFrame(iframe)
 * const disconnect = flow.connect(window)
 */
export function createFlowController(options: FlowControllerOptions): FlowController {
  const session = createFlowSession(options);
  // Read once, like the session reads them: later changes to the options object change nothing.
  const { create, trustedOrigins } = options;
  let callbacks: FlowCallbacks = options;
  // The creation this controller waits for; aborted (and so ignored) once it is let go of.
  let attempt: AbortController | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let connection: (() => void) | undefined;

  session.onEvent((event) => {
    const flowId = session.getSnapshot().flow?.id ?? '';
    if (event.type === 'ready') callbacks.onReady?.();
    else if (event.type === 'height') callbacks.onHeightChange?.(event.height);
    else if (event.type === 'step')
      callbacks.onStepComplete?.({
        step: event.step,
        status: event.status,
        flowId,
        completedSteps: event.completedSteps,
      });
    else if (event.type === 'complete') callbacks.onComplete?.({ flowId });
    else callbacks.onError?.(event.error);
  });

  // A loading frame has frameTimeoutMs to send its first message. Only a connected controller's session starts
  // loading (a disconnect aborts the creation), and a disconnect stops the timer.
  const arm = ({ status }: FlowSessionState) => {
    clearTimeout(timer);
    const ms = callbacks.frameTimeoutMs ?? 20_000;
    if (status === 'loading') {
      timer = setTimeout(() => {
        session.fail(
          new DotsFlowError(
            'frame_timeout',
            process.env.NODE_ENV !== 'production'
              ? `The flow page sent nothing within ${ms / 1000}s. Check that its origin is reachable and not blocked by a Content Security Policy (frame-src).`
              : '',
          ),
        );
      }, ms);
    }
  };
  session.subscribe(arm);

  const release = () => {
    clearTimeout(timer);
    attempt?.abort();
  };
  const start = async () => {
    const { signal } = (attempt = new AbortController());
    let outcome: () => void;
    try {
      // Awaited inside the try, so a `create` that throws instead of rejecting fails the flow the same way.
      const flow = parseFlow(await create(signal));
      validateFlowLink(flow.link, trustedOrigins);
      outcome = () => session.flowCreated(flow);
    } catch (error) {
      outcome = () =>
        session.fail(
          error instanceof DotsFlowError
            ? error
            : new DotsFlowError(
                'backend_failed',
                process.env.NODE_ENV !== 'production'
                  ? 'Creating the flow failed unexpectedly. See `cause` for details.'
                  : '',
                { cause: error },
              ),
        );
    }
    // Each creation settles once, and only the one the session still waits for counts: a disconnect or a retry
    // aborts the one before.
    if (!signal.aborted) outcome();
  };

  return {
    // The session's own methods. The type leaves out `flowCreated`, `fail`, `reset` and `receive`: the controller
    // drives those (a host that must can still reach them through `session`).
    ...session,
    session,
    setCallbacks(next) {
      callbacks = next;
    },
    connect(target) {
      if (process.env.NODE_ENV !== 'production' && typeof target?.addEventListener !== 'function') {
        throw new DotsFlowError(
          'invalid_request',
          'connect() needs the window the flow frame posts to (usually `window`), or an object with addEventListener/removeEventListener.',
        );
      }
      connection?.();
      // `receive` reads the event defensively and never throws, so it is the listener itself.
      const disconnect = () => {
        if (connection === disconnect) {
          connection = undefined;
          target.removeEventListener('message', session.receive);
          release();
        }
      };
      // In this order: the window's messages (before any iframe, and so any src, exists), the timer, the creation.
      target.addEventListener('message', session.receive);
      connection = disconnect;
      const state = session.getSnapshot();
      arm(state);
      if (state.status === 'creating') start();
      return disconnect;
    },
    retry() {
      release();
      session.reset();
      if (connection) start();
    },
  };
}
