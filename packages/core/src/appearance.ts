import { devWarn } from './devWarn.js';

/** The flow page's themes (`docs/guides/flow-style.mdx`). */
export const APPEARANCE_THEMES = ['light', 'dark'] as const;

export type AppearanceTheme = (typeof APPEARANCE_THEMES)[number];

/** Every variable Dots' flow page reads from `?styles=` (`docs/guides/flow-style.mdx`). */
export const APPEARANCE_VARIABLES = [
  'backgroundColor',
  'primaryTextColor',
  'secondaryTextColor',
  'tertiaryTextColor',
  'primaryColor',
  'tabBackgroundColor',
  'tabHoverBackgroundColor',
  'tabBorderColor',
  'tabHoverBorderColor',
  'buttonBackgroundColor',
  'buttonTextColor',
  'buttonHoverTextColor',
  'buttonHoverBackgroundColor',
  'buttonDisabledBackgroundColor',
  'buttonDisabledTextColor',
  'inputBackgroundColor',
  'inputBorderColor',
  'inputPlaceholderColor',
  'borderRadius',
] as const;

export type AppearanceVariable = (typeof APPEARANCE_VARIABLES)[number];

/** How the flow page looks: Dots' theme and CSS-like variables (colours as CSS colours, `borderRadius` as `8px`). */
export interface Appearance {
  theme?: AppearanceTheme;
  variables?: Partial<Record<AppearanceVariable, string>>;
}

/** `override` on top of `base`: its theme wins, variables merge key by key. */
export function mergeAppearance(base?: Appearance, override?: Appearance): Appearance | undefined {
  return base && override
    ? { theme: override.theme ?? base.theme, variables: { ...base.variables, ...override.variables } }
    : (override ?? base);
}

/**
 * The flow link with Dots' `?styles=<url-encoded JSON>` parameter: call it only on a link that passed
 * `validateFlowLink`, since it never changes the origin. Without an appearance the link is returned as is.
 *
 * @example
 * flowLinkWithAppearance(flow.link, { theme: 'dark', variables: { borderRadius: '8px' } })
 */
export function flowLinkWithAppearance(link: string, appearance?: Appearance): string {
  if (!appearance) return link;
  if (process.env.NODE_ENV !== 'production') warnUnknownAppearance(appearance);
  return withStylesParameter(link, encodeURIComponent(JSON.stringify(appearance)));
}

/** A dev-only warning naming the themes or variables Dots' flow page would ignore. */
export function warnUnknownAppearance({ theme, variables }: Appearance): void {
  const unknown = Object.keys(variables ?? {}).filter((name) => !APPEARANCE_VARIABLES.includes(name as never));
  if ((theme !== undefined && !APPEARANCE_THEMES.includes(theme)) || unknown.length > 0) {
    devWarn(
      `appearance has ${unknown.length ? `unknown variables (${unknown.join(', ')})` : `an unknown theme ${JSON.stringify(theme)}`}; ` +
        `Dots' flow page ignores them. Themes: ${APPEARANCE_THEMES.join(', ')}. Variables: ${APPEARANCE_VARIABLES.join(', ')}.`,
    );
  }
}

/** `link` with `styles=<encoded>` added to its query; the origin, path and fragment stay as they are. */
export function withStylesParameter(link: string, encoded: string): string {
  const url = new URL(link);
  // Exactly Dots' recipe (encodeURIComponent of the JSON); URLSearchParams would write spaces as "+".
  url.search += `${url.search ? '&' : '?'}styles=${encoded}`;
  return url.href;
}
