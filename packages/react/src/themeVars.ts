import type { CSSProperties } from 'react';

/**
 * The CSS variables every component reads, with defaults that suit light and dark pages alike
 * (text in the inherited colour, translucent greys). Set them on any ancestor to theme the widgets.
 */
// The two variables the default flow UI reads stand alone, so a bundle with only DotsFlow takes just these.
export const radiusVar = 'var(--dots-flow-radius, 12px)';
export const mutedVar = 'var(--dots-flow-muted, rgba(127, 127, 127, 0.1))';
export const accentVar = 'var(--dots-flow-accent, #2563eb)';
export const accentFgVar = 'var(--dots-flow-accent-fg, #fff)';

export const themeVars = {
  accent: accentVar,
  accentFg: accentFgVar,
  success: 'var(--dots-flow-success, #15803d)',
  muted: mutedVar,
  border: 'var(--dots-flow-border, rgba(127, 127, 127, 0.45))',
  radius: radiusVar,
  gap: 'var(--dots-flow-gap, 12px)',
} as const;

/** Hidden on screen, read by screen readers. */
export const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
};
