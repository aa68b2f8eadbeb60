'use client';
import type { HTMLAttributes, ReactNode } from 'react';
import type { DotsFlowError } from '@dots-flow/core';
import { useDotsFlow, type FlowSource, type FlowViewOptions } from './useDotsFlow.js';
import { FlowSessionContext } from './FlowSessionContext.js';
import { FlowView } from './FlowView.js';

export interface ErrorFallbackProps {
  error: DotsFlowError;
  retry: () => void;
}

/** Every prop of `DotsFlow` except where its flow comes from (`steps` or `flow`). */
export interface DotsFlowBaseProps
  extends FlowViewOptions, Omit<HTMLAttributes<HTMLDivElement>, keyof FlowViewOptions | 'children'> {
  /** Shown in the reserved space while the flow is being created; then the frame shows the flow page's own loading. */
  loadingFallback?: ReactNode;
  /** Replaces the default error UI (a short message per code, "Try again" where a retry helps). */
  errorFallback?: (props: ErrorFallbackProps) => ReactNode;
  /** Rendered above the frame, inside the flow's context (e.g. `<FlowProgress />`). */
  children?: ReactNode;
}

/** `DotsFlow`'s props: exactly one of `steps` (create a flow) or `flow` (frame one your backend created). */
export type DotsFlowProps = DotsFlowBaseProps & FlowSource;

/**
 * A Dots flow in an iframe: created through your backend, shown only from a trusted origin,
 * sized by the frame's own height messages.
 *
 * @example
 * <DotsFlow steps={['compliance']} onComplete={() => navigate('/done')} />
 * <DotsFlow flow={payoutLink.flow} onComplete={() => navigate('/paid')} />
 */
export function DotsFlow(props: DotsFlowProps) {
  // The hook reads its own options from the props; the rest goes to the container.
  const {
    steps: _steps,
    metadata: _metadata,
    flow: _flow,
    onReady: _onReady,
    onHeightChange: _onHeightChange,
    onStepComplete: _onStepComplete,
    onComplete: _onComplete,
    onError: _onError,
    frameTimeoutMs: _frameTimeoutMs,
    title: _title,
    appearance: _appearance,
    minHeight: _minHeight,
    loadingFallback: _loadingFallback,
    errorFallback: _errorFallback,
    children,
    ...rest
  } = props;
  const flow = useDotsFlow(props);
  return (
    <FlowSessionContext.Provider value={flow.session}>
      {/* The appearance's colours sit under the host's own style. */}
      <div {...rest} style={{ ...flow.appearance?.style, ...rest.style }} data-dots-flow="" data-status={flow.status}>
        {children}
        {/* FlowView reads minHeight and the fallbacks from the props itself. */}
        <FlowView {...props} flow={flow} />
      </div>
    </FlowSessionContext.Provider>
  );
}
