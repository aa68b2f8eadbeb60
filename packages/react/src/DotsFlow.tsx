'use client';
import type { CSSProperties, HTMLAttributes, ReactNode } from 'react';
import type { DotsFlowError } from '@dots-flow/core';
import { useDotsFlow, DEFAULT_MIN_HEIGHT, type UseDotsFlowOptions } from './useDotsFlow.js';
import { FlowSessionContext } from './FlowSessionContext.js';
import { FlowLoading } from './FlowLoading.js';
import { FlowError } from './FlowError.js';

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

const overlay: CSSProperties = { position: 'absolute', inset: 0 };

/**
 * A Dots flow in an iframe: created through your backend, shown only from a trusted origin,
 * sized by the frame's own height messages.
 *
 * @example
 * <DotsFlow steps={['compliance']} onComplete={() => navigate('/done')} />
 */
export function DotsFlow(props: DotsFlowProps) {
  const {
    steps,
    metadata,
    onReady,
    onHeightChange,
    onStepComplete,
    onComplete,
    onError,
    frameTimeoutMs,
    title,
    minHeight = DEFAULT_MIN_HEIGHT,
    loadingFallback,
    errorFallback,
    children,
    style,
    ...rest
  } = props;
  const flow = useDotsFlow({
    steps,
    metadata,
    onReady,
    onHeightChange,
    onStepComplete,
    onComplete,
    onError,
    frameTimeoutMs,
    title,
    minHeight,
  });
  const { status, error, frameProps, retry } = flow;
  const loading = status === 'creating' || status === 'loading';

  return (
    <FlowSessionContext.Provider value={flow.session}>
      <div {...rest} data-dots-flow="" data-status={status} style={style}>
        {children}
        {status === 'error' && error ? (
          errorFallback ? (
            errorFallback({ error, retry })
          ) : (
            <FlowError error={error} retry={retry} minHeight={minHeight} />
          )
        ) : (
          <div style={{ position: 'relative', minHeight }}>
            {frameProps ? <iframe {...frameProps} /> : null}
            {loading ? (
              <div style={overlay} aria-busy="true">
                {loadingFallback ?? <FlowLoading />}
              </div>
            ) : null}
          </div>
        )}
      </div>
    </FlowSessionContext.Provider>
  );
}
