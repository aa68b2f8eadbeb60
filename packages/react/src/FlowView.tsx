'use client';
import type { CSSProperties, ReactNode } from 'react';
import type { ErrorFallbackProps } from './DotsFlow.js';
import { DEFAULT_MIN_HEIGHT, type UseDotsFlowResult } from './useDotsFlow.js';
import { ERROR_MESSAGES, isRetryable } from '@dots-flow/core';
import { accentFgVar, accentVar, mutedVar, radiusVar } from './themeVars.js';

export interface FlowViewProps {
  flow: UseDotsFlowResult;
  minHeight?: number;
  loadingFallback?: ReactNode;
  errorFallback?: (props: ErrorFallbackProps) => ReactNode;
}

/**
 * The default loading placeholder and error box share one look: content centred in the space the frame will take,
 * coloured by the `--dots-flow-*` variables (which `DotsFlow` sets from the flow's appearance).
 */
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
 * A flow's frame, its loading placeholder, or its error: the markup `DotsFlow` renders, for widgets. The defaults
 * are a quiet placeholder in the space the frame will take, and a short message with "Try again" where a retry helps.
 */
export function FlowView({ flow, minHeight = DEFAULT_MIN_HEIGHT, loadingFallback, errorFallback }: FlowViewProps) {
  const { status, error, frameProps, retry } = flow;
  // The session holds an error exactly while its status is 'error'.
  if (error) {
    const { code } = error;
    return errorFallback ? (
      errorFallback({ error, retry })
    ) : (
      <div role="alert" data-dots-flow-error={code} style={box(minHeight)}>
        {/* The person reads a short message in every build; the developer's detail stays in development. */}
        {ERROR_MESSAGES[code]}
        {process.env.NODE_ENV !== 'production' && <small style={{ opacity: 0.75 }}>{error.message}</small>}
        {/* Only where a retry can help: a fresh attempt cannot fix a refused link or a bad request. */}
        {isRetryable(code) && (
          <button
            type="button"
            onClick={retry}
            style={{
              font: 'inherit',
              padding: '8px 16px',
              border: 0,
              borderRadius: radiusVar,
              background: accentVar,
              color: accentFgVar,
            }}
          >
            Try again
          </button>
        )}
      </div>
    );
  }
  // One loading state at a time: ours until the frame exists, then the flow page's own (the frame takes the same
  // reserved height), never a translucent placeholder over the page's loading text.
  return status === 'creating' ? (
    <div aria-busy="true" style={{ minHeight }}>
      {loadingFallback ?? (
        <div role="status" data-dots-flow-loading="" style={box(minHeight)}>
          Loading…
        </div>
      )}
    </div>
  ) : (
    <iframe {...frameProps} />
  );
}
