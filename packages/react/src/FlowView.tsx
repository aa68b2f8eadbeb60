'use client';
import type { CSSProperties, ReactNode } from 'react';
import type { ErrorFallbackProps } from './DotsFlow.js';
import type { UseDotsFlowResult } from './useDotsFlow.js';

export interface FlowViewProps {
  flow: UseDotsFlowResult;
  minHeight: number;
  loadingFallback?: ReactNode;
  errorFallback?: (props: ErrorFallbackProps) => ReactNode;
}

/** The default loading placeholder and error box: content centred in a rounded box. */
const box: CSSProperties = {
  display: 'grid',
  placeContent: 'center',
  placeItems: 'center',
  gap: 12,
  borderRadius: 'var(--dots-flow-radius,12px)',
};

/**
 * A flow's frame with its loading overlay, or its error and retry: the markup `DotsFlow` renders, for widgets.
 * The defaults are a quiet placeholder in the space the frame will take, and what went wrong with a way to try again.
 */
export function FlowView({ flow, minHeight, loadingFallback, errorFallback }: FlowViewProps) {
  const { status, error, frameProps, retry } = flow;
  if (status === 'error' && error) {
    return errorFallback ? (
      errorFallback({ error, retry })
    ) : (
      <div
        role="alert"
        data-dots-flow-error={error.code}
        style={{
          ...box,
          minHeight,
          padding: 24,
          boxSizing: 'border-box',
          border: '1px solid var(--dots-flow-error-border,rgba(220,38,38,.5))',
          color: 'var(--dots-flow-fg,inherit)',
        }}
      >
        {error.message}
        <button
          type="button"
          onClick={retry}
          style={{
            font: 'inherit',
            padding: '8px 16px',
            border: 0,
            borderRadius: 8,
            background: 'var(--dots-flow-accent,#2563eb)',
            color: 'var(--dots-flow-accent-fg,#fff)',
            cursor: 'pointer',
          }}
        >
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
            <div
              role="status"
              data-dots-flow-loading=""
              style={{
                ...box,
                height: '100%',
                background: 'var(--dots-flow-muted,rgba(127,127,127,.08))',
                color: 'var(--dots-flow-muted-fg,inherit)',
              }}
            >
              Loading…
            </div>
          )}
        </div>
      )}
    </div>
  );
}
