'use client';
import type { HTMLAttributes, ReactNode } from 'react';
import type { DotsFlowError } from '@dots-flow/core';
import { useDotsFlow, DEFAULT_MIN_HEIGHT, type UseDotsFlowOptions } from './useDotsFlow.js';
import { FlowSessionContext } from './FlowSessionContext.js';
import { FlowView } from './FlowView.js';

export interface ErrorFallbackProps {
  error: DotsFlowError;
  retry: () => void;
}

export interface DotsFlowProps
  extends UseDotsFlowOptions, Omit<HTMLAttributes<HTMLDivElement>, keyof UseDotsFlowOptions | 'children'> {
  /** Shown over the reserved space until the flow page has loaded. */
  loadingFallback?: ReactNode;
  /** Replaces the default error message and "Try again" button. */
  errorFallback?: (props: ErrorFallbackProps) => ReactNode;
  /** Rendered above the frame, inside the flow's context (e.g. `<FlowProgress />`). */
  children?: ReactNode;
}

/**
 * A Dots flow in an iframe: created through your backend, shown only from a trusted origin,
 * sized by the frame's own height messages.
 *
 * @example
 * <DotsFlow steps={['compliance']} onComplete={() => navigate('/done')} />
 */
export function DotsFlow(props: DotsFlowProps) {
  // The hook reads its own options from the props; the rest goes to the container.
  const {
    steps: _steps,
    metadata: _metadata,
    onReady: _onReady,
    onHeightChange: _onHeightChange,
    onStepComplete: _onStepComplete,
    onComplete: _onComplete,
    onError: _onError,
    frameTimeoutMs: _frameTimeoutMs,
    title: _title,
    minHeight = DEFAULT_MIN_HEIGHT,
    loadingFallback,
    errorFallback,
    children,
    ...rest
  } = props;
  const flow = useDotsFlow(props);
  return (
    <FlowSessionContext.Provider value={flow.session}>
      <div {...rest} data-dots-flow="" data-status={flow.status}>
        {children}
        <FlowView flow={flow} minHeight={minHeight} loadingFallback={loadingFallback} errorFallback={errorFallback} />
      </div>
    </FlowSessionContext.Provider>
  );
}
