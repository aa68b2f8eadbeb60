'use client';
import type { DotsFlowError } from '@dots-flow/core';

/** The default error state: what went wrong and a way to try again. */
export function FlowError({ error, retry, minHeight }: { error: DotsFlowError; retry: () => void; minHeight: number }) {
  return (
    <div
      role="alert"
      data-dots-flow-error={error.code}
      style={{
        display: 'grid',
        alignContent: 'center',
        justifyItems: 'start',
        gap: 12,
        minHeight,
        padding: 24,
        boxSizing: 'border-box',
        borderRadius: 'var(--dots-flow-radius, 12px)',
        border: '1px solid var(--dots-flow-error-border, rgba(220, 38, 38, 0.5))',
        color: 'var(--dots-flow-fg, inherit)',
      }}
    >
      <p style={{ margin: 0 }}>{error.message}</p>
      <button
        type="button"
        onClick={retry}
        style={{
          font: 'inherit',
          padding: '8px 16px',
          border: 0,
          borderRadius: 8,
          background: 'var(--dots-flow-accent, #2563eb)',
          color: 'var(--dots-flow-accent-fg, #fff)',
          cursor: 'pointer',
        }}
      >
        Try again
      </button>
    </div>
  );
}
