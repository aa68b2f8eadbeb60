'use client';

/** The default loading state: a quiet placeholder in the space the frame will take. */
export function FlowLoading() {
  return (
    <div
      role="status"
      data-dots-flow-loading=""
      style={{
        display: 'grid',
        placeItems: 'center',
        height: '100%',
        borderRadius: 'var(--dots-flow-radius, 12px)',
        background: 'var(--dots-flow-muted, rgba(127, 127, 127, 0.08))',
        color: 'var(--dots-flow-muted-fg, inherit)',
        font: 'inherit',
      }}
    >
      Loading…
    </div>
  );
}
