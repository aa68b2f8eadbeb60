'use client';
import {
  useCallback,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type CSSProperties,
  type RefCallback,
} from 'react';
import { hashKey, QueryObserver, type QueryObserverResult } from '@tanstack/react-query';
import {
  createFlowSession,
  DotsFlowError,
  flowLinkWithAppearance,
  mergeAppearance,
  type Appearance,
  validateFlowLink,
  type Flow,
  type FlowSession,
  type FlowMetadata,
  type FlowSessionState,
  type FlowStepName,
  type StepInput,
  type StepStatus,
} from '@dots-flow/core';
import { useDotsConfig } from './useDotsConfig.js';
import { flowQueryKey, flowQueryOptions, normalizeRequest } from './flowQuery.js';
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
  metadata?: FlowMetadata;
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
  /** How this flow looks (Dots' `?styles=`), merged over the provider's. Changing it restyles the frame, never creates a new flow. */
  appearance?: Appearance;
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
  /** The provider's appearance with this flow's merged over it, as the frame gets it. */
  appearance: Appearance | undefined;
}

function toDotsFlowError(error: unknown): DotsFlowError {
  return error instanceof DotsFlowError
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
  const { steps, metadata, minHeight = DEFAULT_MIN_HEIGHT } = options;
  const { queryClient, sourceKey, createFlow, trustedOrigins, appearance } = useDotsConfig();
  const callbacks = useLatest(options);
  // Bumped by retry, to run the creation effect again on a fresh query.
  const [attempt, setAttempt] = useState(0);

  // Equal content gives the same memo, so new-but-equal `steps` arrays never create another flow. A new
  // request, source, user or environment is a new flow, so it gets a fresh session.
  const requestHash = hashKey([steps, metadata]);
  const [key, session, requestError] = useMemo(() => {
    const start = (requested: readonly StepInput[]) => createFlowSession({ steps: requested, trustedOrigins });
    try {
      const request = normalizeRequest(steps, metadata);
      // Starting the session validates the steps.
      return [flowQueryKey(sourceKey, request), start(request.steps), null] as const;
    } catch (error) {
      // An invalid request still gets a session, only to carry its error to the UI and onError.
      return [null, start(['compliance']), toDotsFlowError(error)] as const;
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by content
  }, [requestHash, sourceKey, trustedOrigins]);
  const state = useSyncExternalStore(session.subscribe, session.getSnapshot, session.getSnapshot);

  // Connects the session, in this order: the callbacks (so no event is missed), the window's messages (before
  // any iframe, and so any src, exists), the frame timer, and finally the flow's creation.
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unsubscribe = () => {};
    const stopEvents = session.onEvent((event) => {
      const cb = callbacks.current;
      const flowId = session.getSnapshot().flow?.id ?? '';
      if (event.type === 'ready') cb.onReady?.();
      else if (event.type === 'height') cb.onHeightChange?.(event.height);
      else if (event.type === 'step')
        cb.onStepComplete?.({ step: event.step, status: event.status, flowId, completedSteps: event.completedSteps });
      else if (event.type === 'complete') cb.onComplete?.({ flowId });
      else cb.onError?.(event.error);
    });
    const onMessage = (event: MessageEvent) => session.receive(event);
    window.addEventListener('message', onMessage);
    // A loading frame has frameTimeoutMs to send its first message.
    const arm = ({ status }: FlowSessionState) => {
      clearTimeout(timer);
      const ms = callbacks.current.frameTimeoutMs ?? 20_000;
      if (status === 'loading') {
        timer = setTimeout(() => {
          session.fail(
            new DotsFlowError(
              'frame_timeout',
              process.env.NODE_ENV !== 'production'
                ? `The flow page sent nothing within ${ms / 1000}s. Check that its origin is reachable and not blocked by a Content Security Policy (frame-src).`
                : 'The flow page did not load.',
            ),
          );
        }, ms);
      }
    };
    const stopTimer = session.subscribe(arm);
    arm(session.getSnapshot());

    const take = ({ data, error, isStale }: QueryObserverResult<Flow>) => {
      // Only a waiting session takes an outcome. A cached flow older than FLOW_REUSE_MS is being re-created
      // (staleTime) and must not be shown meanwhile.
      if (!live || session.getSnapshot().status !== 'creating') return;
      try {
        if (error) throw error;
        if (data && !isStale) session.flowCreated((validateFlowLink(data.link, trustedOrigins), data));
      } catch (failure) {
        session.fail(toDotsFlowError(failure));
      }
    };
    if (key) {
      const observer = new QueryObserver(queryClient, flowQueryOptions(key, createFlow));
      unsubscribe = observer.subscribe(take);
      take(observer.getCurrentResult());
    } else {
      session.fail(requestError!);
    }

    return () => {
      live = false;
      clearTimeout(timer);
      stopEvents();
      stopTimer();
      window.removeEventListener('message', onMessage);
      // A finished or failed flow is never handed to the next mount.
      const { status } = session.getSnapshot();
      if (key && (status === 'complete' || status === 'error'))
        queryClient.removeQueries({ queryKey: key, exact: true });
      // The last observer leaving aborts the creation. A StrictMode remount observes again within this task,
      // so only a real unmount gets that far.
      setTimeout(unsubscribe);
    };
  }, [key, session, requestError, attempt, queryClient, createFlow, trustedOrigins, callbacks]);

  const retry = useCallback(() => {
    // The failed flow's query goes away before the session waits again, so the next attempt creates afresh.
    if (key) queryClient.removeQueries({ queryKey: key, exact: true });
    session.reset();
    setAttempt((count) => count + 1);
  }, [session, queryClient, key]);

  const frameRef = useCallback<RefCallback<HTMLIFrameElement>>(
    (element) => {
      session.setFrame(element?.contentWindow ?? null);
      return () => session.setFrame(null);
    },
    [session],
  );

  const { flow, height } = state;
  const merged = mergeAppearance(appearance, options.appearance);
  // A session has a flow from `loading` on; an error (even a frame timeout) takes the frame away.
  const frameProps: FlowFrameProps | null =
    flow && state.status !== 'error'
      ? {
          ref: frameRef,
          // The link passed validateFlowLink; the styles parameter never changes its origin.
          src: flowLinkWithAppearance(flow.link, merged),
          title: options.title ?? 'Dots payout flow',
          allow: state.steps.includes('id-verification') ? 'camera' : undefined,
          style: { display: 'block', width: '100%', border: 0, height: Math.max(height ?? minHeight, minHeight) },
        }
      : null;

  return { ...state, retry, frameProps, session, appearance: merged };
}
