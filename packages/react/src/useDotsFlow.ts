'use client';
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useSyncExternalStore,
  type CSSProperties,
  type RefCallback,
} from 'react';
import { hashKey, useQuery } from '@tanstack/react-query';
import {
  createFlowSession,
  DotsFlowError,
  isDotsFlowError,
  stepNameOf,
  validateFlowLink,
  type FlowSession,
  type FlowSessionState,
  type FlowStepName,
  type StepInput,
  type StepStatus,
} from '@dots-flow/core';
import { useDotsConfig } from './useDotsConfig.js';
import { flowQueryKey, flowQueryOptions, normalizeRequest, releaseFlowCreation } from './flowQuery.js';
import { useLatest } from './useLatest.js';

export const DEFAULT_MIN_HEIGHT = 320;

export interface StepCompleteEvent {
  step: FlowStepName;
  status: StepStatus;
  flowId: string;
  completedSteps: FlowSessionState['completedSteps'];
}

export interface UseDotsFlowOptions {
  steps: readonly StepInput[];
  /** Extra metadata for the flow; your backend may add to it (the server kit stamps the host user). */
  metadata?: Record<string, string>;
  onReady?: () => void;
  onHeightChange?: (height: number) => void;
  onStepComplete?: (event: StepCompleteEvent) => void;
  onComplete?: (event: { flowId: string }) => void;
  onError?: (error: DotsFlowError) => void;
  /** How long the frame may take to send its first message before a `frame_timeout` error. Default: 20 s. */
  frameTimeoutMs?: number;
  /** Accessible name of the iframe. */
  title?: string;
  /** Height reserved while loading, and the smallest height the frame gets. */
  minHeight?: number;
}

export interface FlowFrameProps {
  ref: RefCallback<HTMLIFrameElement>;
  src: string;
  title: string;
  allow: string | undefined;
  style: CSSProperties;
}

export interface UseDotsFlowResult extends FlowSessionState {
  /** Creates a fresh flow after an error. */
  retry: () => void;
  /** Props for the `<iframe>`, or `null` while there is no trusted link to show. */
  frameProps: FlowFrameProps | null;
  /** The framework-free session behind this flow, for `useFlowProgress` and custom UIs. */
  session: FlowSession;
}

function toDotsFlowError(error: unknown): DotsFlowError {
  return isDotsFlowError(error)
    ? error
    : new DotsFlowError(
        'backend_failed',
        'Creating the flow failed' +
          (process.env.NODE_ENV !== 'production' ? ' unexpectedly. See `cause` for details.' : '.'),
        { cause: error },
      );
}

/**
 * Everything `DotsFlow` does, without its markup: creates the flow, checks the link, listens to the frame.
 *
 * @example
 * const flow = useDotsFlow({ steps: ['payout'], onComplete: () => navigate('/done') })
 * return flow.frameProps ? <iframe {...flow.frameProps} /> : <Spinner />
 */
export function useDotsFlow(options: UseDotsFlowOptions): UseDotsFlowResult {
  const { steps, metadata, frameTimeoutMs = 20_000, minHeight = DEFAULT_MIN_HEIGHT } = options;
  const { queryClient, sourceKey, createFlow, trustedOrigins } = useDotsConfig();
  const callbacks = useLatest(options);

  // Equal content gives the same memo, so new-but-equal `steps` arrays never create another flow. A new
  // request, source, user or environment is a new flow, so it gets a fresh session.
  const requestHash = hashKey([steps, metadata]);
  const [request, session, requestError] = useMemo(() => {
    const start = (requested: readonly StepInput[]) => createFlowSession({ steps: requested, trustedOrigins });
    try {
      const normalized = normalizeRequest(steps, metadata);
      // Starting the session validates the steps.
      return [normalized, start(normalized.steps), null] as const;
    } catch (error) {
      // An invalid request still gets a session, only to carry its error to the UI and onError.
      return [null, start(['compliance']), toDotsFlowError(error)] as const;
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by content
  }, [requestHash, sourceKey, trustedOrigins]);
  const key = useMemo(() => flowQueryKey(sourceKey, request ?? { steps: [] }), [sourceKey, request]);
  const state = useSyncExternalStore(session.subscribe, session.getSnapshot, session.getSnapshot);
  const query = useQuery({ ...flowQueryOptions(queryClient, key, createFlow), enabled: !!request }, queryClient);

  // Subscribed before anything below can emit, so no event is missed.
  useEffect(
    () =>
      session.onEvent((event) => {
        const cb = callbacks.current;
        const flowId = session.getSnapshot().flow?.id ?? '';
        if (event.type === 'ready') cb.onReady?.();
        else if (event.type === 'height') cb.onHeightChange?.(event.height);
        else if (event.type === 'step')
          cb.onStepComplete?.({ step: event.step, status: event.status, flowId, completedSteps: event.completedSteps });
        else if (event.type === 'complete') cb.onComplete?.({ flowId });
        else cb.onError?.(event.error);
      }),
    [session, callbacks],
  );

  // Feed the query's outcome into the session. A cached flow older than FLOW_REUSE_MS is being re-created
  // (staleTime) and must not be shown meanwhile; nor is the outcome a retry has just discarded.
  const flow = query.data && !query.isStale ? query.data : undefined;
  const rawError: unknown = requestError ?? query.error;
  const discarded = useRef<{ flow?: unknown; error?: unknown }>({});
  useEffect(() => {
    if (session.getSnapshot().status !== 'creating') return;
    const { current } = discarded;
    try {
      if (rawError && rawError !== current.error) throw rawError;
      if (flow && flow !== current.flow) {
        validateFlowLink(flow.link, trustedOrigins);
        session.flowCreated(flow);
      }
    } catch (error) {
      session.fail(toDotsFlowError(error));
    }
  }, [session, flow, rawError, trustedOrigins]);

  // Listening starts with the session, before any iframe (and so any src) exists.
  useEffect(() => {
    const onMessage = (event: MessageEvent) => session.receive(event);
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [session]);

  useEffect(() => {
    if (state.status !== 'loading') return;
    const timer = setTimeout(() => {
      session.fail(
        new DotsFlowError(
          'frame_timeout',
          process.env.NODE_ENV !== 'production'
            ? `The flow page sent nothing within ${frameTimeoutMs / 1000}s. Check that its origin is reachable and not blocked by a Content Security Policy (frame-src).`
            : 'The flow page did not load.',
        ),
      );
    }, frameTimeoutMs);
    return () => clearTimeout(timer);
  }, [session, state.status, frameTimeoutMs]);

  useEffect(
    () => () => {
      // A finished or failed flow is never handed to the next mount.
      const { status } = session.getSnapshot();
      if (status === 'complete' || status === 'error') queryClient.removeQueries({ queryKey: key, exact: true });
      releaseFlowCreation(queryClient, key);
    },
    [queryClient, key, session],
  );

  const { data: currentData, error: currentError } = query;
  const retry = useCallback(() => {
    discarded.current = { flow: currentData, error: currentError };
    session.reset();
    if (request) void queryClient.resetQueries({ queryKey: key, exact: true });
  }, [session, queryClient, key, request, currentData, currentError]);

  const frameRef = useCallback<RefCallback<HTMLIFrameElement>>(
    (element) => {
      session.setFrame(element?.contentWindow ?? null);
      return () => session.setFrame(null);
    },
    [session],
  );

  const { status, height } = state;
  const link = state.flow?.link;
  const frameProps: FlowFrameProps | null =
    link !== undefined && (status === 'loading' || status === 'ready' || status === 'complete')
      ? {
          ref: frameRef,
          src: link,
          title: options.title ?? 'Dots payout flow',
          allow: request?.steps.some((step) => stepNameOf(step) === 'id-verification') ? 'camera' : undefined,
          style: { display: 'block', width: '100%', border: 0, height: Math.max(height ?? minHeight, minHeight) },
        }
      : null;

  return { ...state, retry, frameProps, session };
}
