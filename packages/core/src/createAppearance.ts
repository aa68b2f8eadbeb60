import {
  APPEARANCE_THEMES,
  warnUnknownAppearance,
  withStylesParameter,
  type Appearance,
  type AppearanceTheme,
  type AppearanceVariable,
} from './appearance.js';
import { DotsFlowError } from './DotsFlowError.js';
import { devWarn } from './devWarn.js';
import { isSafeCssValue } from './isSafeCssValue.js';
import { isPlainRecord, ownValue } from './ownValue.js';

/**
 * An appearance made ready for `DotsProvider`/`DotsFlow`: what the frame link gets, the frame's colour scheme,
 * and the style of the UI around the frame. Build it once (outside render, or in a memo) with `createAppearance`.
 */
export interface FlowAppearance {
  /**
   * The flow link with Dots' `?styles=` parameter. Call it only on a link that passed `validateFlowLink`: it never
   * changes the origin, but it does not check it either.
   */
  readonly apply: (link: string) => string;
  /** The frame's `color-scheme`: a frame whose scheme differs from its page's gets an opaque (white) backdrop. */
  readonly colorScheme: AppearanceTheme | undefined;
  /**
   * Style for the element around the frame: the `--dots-flow-*` variables the loading, error and widget UI read
   * (accent, its text, border, radius), plus its `color`, `backgroundColor` and `colorScheme`, so page, wrapper and
   * frame match. Only values that pass the same safety rule as the flow page's ever get here.
   */
  readonly style: Readonly<Record<string, string>>;
  /** A frame's props with this appearance: `apply` on `src`, `colorScheme` in `style`. Same link rule as `apply`. */
  readonly frame: <P extends { src: string; style?: object }>(props: P) => P;
}

/** Which wrapper style each Dots variable feeds; the first variable given wins. */
const WRAPPER_STYLE: readonly (readonly [string, readonly AppearanceVariable[]])[] = [
  ['--dots-flow-accent', ['buttonBackgroundColor', 'primaryColor']],
  ['--dots-flow-accent-fg', ['buttonTextColor']],
  ['--dots-flow-border', ['inputBorderColor', 'tabBorderColor']],
  ['--dots-flow-radius', ['borderRadius']],
  ['color', ['primaryTextColor']],
  ['backgroundColor', ['backgroundColor']],
];

const USAGE = "createAppearance takes { theme?: 'light' | 'dark', variables?: { primaryColor?: '#0969da', … } }";

function invalid(detail: string, cause?: unknown): DotsFlowError {
  return new DotsFlowError(
    'invalid_request',
    process.env.NODE_ENV !== 'production' ? `${USAGE}; ${detail}.` : '',
    cause === undefined ? undefined : { cause },
  );
}

/**
 * Reads `appearance` once into a frozen copy: a theme string and the variables whose values are safe CSS strings
 * (anything else is dropped, with a warning in development). Throws `invalid_request` for what cannot be one.
 */
function normalize(appearance: unknown): Appearance {
  if (!isPlainRecord(appearance)) throw invalid(`got ${appearance === null ? 'null' : typeof appearance}`);
  let theme: unknown;
  let given: unknown;
  // A null prototype, so a `__proto__` key is just a (dropped or passed-on) name.
  const variables: Record<string, string> = Object.create(null);
  const dropped: string[] = [];
  try {
    theme = ownValue(appearance, 'theme');
    given = ownValue(appearance, 'variables');
    if (isPlainRecord(given)) {
      for (const name of Object.keys(given)) {
        // Read as data only: a getter is dropped like any value that is not a safe string, and never runs.
        const descriptor = Object.getOwnPropertyDescriptor(given, name);
        const value: unknown = descriptor && Object.hasOwn(descriptor, 'value') ? descriptor.value : undefined;
        if (isSafeCssValue(value)) variables[name] = value.trim();
        else dropped.push(name);
      }
    }
  } catch (error) {
    throw invalid('it could not be read as plain data (a getter or a proxy?)', error);
  }
  if (theme !== undefined && typeof theme !== 'string') throw invalid(`theme is a ${typeof theme}`);
  if (given !== undefined && !isPlainRecord(given)) throw invalid('variables must be an object of CSS strings');
  if (process.env.NODE_ENV !== 'production' && dropped.length > 0) {
    devWarn(
      `appearance drops ${dropped.join(', ')}: a variable is a colour or length string of up to 64 characters ` +
        "without ; { } quotes, comments, url() or var() (the rule the flow page applies to Dots' ?styles=).",
    );
  }
  return Object.freeze({
    ...(theme === undefined ? null : { theme: theme as AppearanceTheme }),
    ...(given === undefined ? null : { variables: Object.freeze(variables) }),
  });
}

/**
 * Prepares an appearance (Dots' `theme` and `variables`, `docs/guides/flow-style.mdx`) for `DotsProvider` and
 * `DotsFlow`: they add it to the flow link after the link's origin check, and theme their own UI with it. Only apps
 * that import it pay for it. To lay one appearance over another: `createAppearance(mergeAppearance(base, override))`.
 *
 * @example
 * const dark = createAppearance({ theme: 'dark', variables: { backgroundColor: '#0b0b0f', borderRadius: '8px' } })
 * <DotsProvider appearance={dark} …>
 */
export function createAppearance(appearance: Appearance): FlowAppearance {
  const normalized = normalize(appearance);
  if (process.env.NODE_ENV !== 'production') warnUnknownAppearance(normalized);
  const { theme, variables = {} } = normalized;
  const colorScheme = APPEARANCE_THEMES.includes(theme as AppearanceTheme) ? theme : undefined;
  const style: Record<string, string> = {};
  // The theme alone themes the wrapper with the browser's own colours for that scheme; given colours win.
  if (colorScheme) Object.assign(style, { colorScheme, color: 'CanvasText', backgroundColor: 'Canvas' });
  for (const [property, names] of WRAPPER_STYLE) {
    const name = names.find((candidate) => Object.hasOwn(variables, candidate));
    if (name) style[property] = (variables as Record<string, string>)[name]!;
  }
  const encoded = encodeURIComponent(JSON.stringify(normalized));
  const apply = (link: string) => withStylesParameter(link, encoded);
  return Object.freeze({
    apply,
    colorScheme,
    style: Object.freeze(style),
    frame: <P extends { src: string; style?: object }>(props: P): P => ({
      ...props,
      src: apply(props.src),
      style: { ...props.style, colorScheme },
    }),
  });
}
