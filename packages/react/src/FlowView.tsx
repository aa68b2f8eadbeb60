'use client';
import type { CSSProperties, ReactNode } from 'react';
import type { ErrorFallbackProps } from './DotsFlow.js';
import { DEFAULT_MIN_HEIGHT, type UseDotsFlowResult } from './useDotsFlow.js';
import { mutedVar, radiusVar } from './themeVars.js';

export interface FlowViewProps {
  flow: UseDotsFlowResult;
  minHeight?: number;
  loadingFallback?: ReactNode;
  errorFallback?: (props: ErrorFallbackProps) => ReactNode;
}

/** The default loading placeholder and error box share one look: content centred in the space the frame will take. */
function box(minHeight: number): CSSProperties {
  return {
    display: 'grid',
    placeContent: 'center',
    justifyItems: 'center',
    gap: 12,
    boxSizing: 'border-box',
    minHeight,
    padding: 24,
    borderRadius: radiusVar,
    background: mutedVar,
  };
}

/**
 * A flow's frame with its loading overlay, or its error and retry: the markup `DotsFlow` renders, for widgets.
 * The defaults are a quiet placeholder in the space the frame will take, and what went wrong with a way to try again.
 */
export function FlowView({ flow, minHeight = DEFAULT_MIN_HEIGHT, loadingFallback, errorFallback }: FlowViewProps) {
  const { status, error, frameProps, retry } = flow;
  // The session holds an error exactly while its status is 'error'.
  if (error) {
    return errorFallback ? (
      errorFallback({ error, retry })
    ) : (
      <div role="alert" data-dots-flow-error={error.code} style={box(minHeight)}>
        {error.message}
        <button type="button" onClick={retry}>
          Try again
        </button>
      </div>
    );
  }
  return (
    <div style={{ position: 'relative', minHeight }}>
      {frameProps && <iframe {...frameProps} />}
      {(status === 'creating' || status === 'loading') && (
        <div style={{ position: 'absolute', inset: 0 }} aria-busy="true">
          {loadingFallback ?? (
            <div role="status" data-dots-flow-loading="" style={box(minHeight)}>
              Loading…
            </div>
          )}
        </div>
      )}
    </div>
  );
}
