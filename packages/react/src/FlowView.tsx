'use client';
import type { CSSProperties, ReactNode } from 'react';
import type { ErrorFallbackProps } from './DotsFlow.js';
import type { UseDotsFlowResult } from './useDotsFlow.js';
import { FlowLoading } from './FlowLoading.js';
import { FlowError } from './FlowError.js';

export interface FlowViewProps {
  flow: UseDotsFlowResult;
  minHeight: number;
  loadingFallback?: ReactNode;
  errorFallback?: (props: ErrorFallbackProps) => ReactNode;
}

const overlay: CSSProperties = { position: 'absolute', inset: 0 };

/** A flow's frame with its loading overlay, or its error and retry: the markup `DotsFlow` renders, for widgets. */
export function FlowView({ flow, minHeight, loadingFallback, errorFallback }: FlowViewProps) {
  const { status, error, frameProps, retry } = flow;
  if (status === 'error' && error) {
    return errorFallback ? (
      errorFallback({ error, retry })
    ) : (
      <FlowError error={error} retry={retry} minHeight={minHeight} />
    );
  }
  const loading = status === 'creating' || status === 'loading';
  return (
    <div style={{ position: 'relative', minHeight }}>
      {frameProps ? <iframe {...frameProps} /> : null}
      {loading ? (
        <div style={overlay} aria-busy="true">
          {loadingFallback ?? <FlowLoading />}
        </div>
      ) : null}
    </div>
  );
}
