import type { CSSProperties } from 'react';
import type { Appearance } from '@dots-flow/core';

/**
 * The default flow UI (loading, error) in the flow's appearance: the frame's `borderRadius` and
 * `backgroundColor` become the `--dots-flow-*` variables it reads, and the theme the container's
 * `color-scheme` (which also keeps Chromium from painting a light backdrop behind a dark frame). Text keeps the
 * page's colour: the wrapper sits on the page, not on the frame's background.
 */
export function appearanceStyle(appearance: Appearance | undefined): CSSProperties | undefined {
  const v = appearance?.variables;
  return (
    appearance &&
    ({
      colorScheme: appearance.theme,
      '--dots-flow-radius': v?.borderRadius,
      '--dots-flow-muted': v?.backgroundColor,
    } as CSSProperties)
  );
}

/** `appearanceStyle` plus the text colour and the accent and border variables the widgets read. */
export function widgetAppearanceStyle(appearance: Appearance | undefined): CSSProperties | undefined {
  const v = appearance?.variables;
  return (
    appearance &&
    ({
      ...appearanceStyle(appearance),
      color: v?.primaryTextColor,
      '--dots-flow-accent': v?.buttonBackgroundColor ?? v?.primaryColor,
      '--dots-flow-accent-fg': v?.buttonTextColor,
      '--dots-flow-border': v?.inputBorderColor,
    } as CSSProperties)
  );
}
