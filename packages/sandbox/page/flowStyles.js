// Dots' `?styles=` link parameter (`docs/guides/flow-style.mdx`): URL-encoded JSON `{ theme, variables }`.
// The page applies the theme and each variable as a CSS custom property that flow.css uses; anything
// malformed, unknown or unsafe is dropped, never an error. Plain ES module: no DOM at import time.

export const THEMES = ['light', 'dark'];

/** The variables Dots documents, in its table's order. */
export const STYLE_VARIABLES = [
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
];

const NO_STYLES = Object.freeze({ theme: 'light', variables: Object.freeze({}) });
const isRecord = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `backgroundColor` → `--dots-background-color`: the custom property flow.css reads. */
export function cssPropertyOf(name) {
  return `--dots-${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

/**
 * True for a short color or length made only of harmless characters: no `;`, braces, quotes, comments,
 * `url(`, `var(`, `expression(` or `image-set(`, so a value can never reach beyond its own property.
 */
export function isSafeCssValue(value) {
  if (typeof value !== 'string') return false;
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.length > 64) return false;
  if (!/^[#a-zA-Z0-9 .,%()/+-]+$/.test(trimmed) || trimmed.includes('/*')) return false;
  return !/(url|var|attr|expression|image|image-set|env|element|paint)\s*\(/i.test(trimmed);
}

/**
 * Reads the raw `styles` parameter. `supports(property, value)` (the browser's `CSS.supports`) decides
 * whether a color or a radius is valid CSS; without it only the safety check applies.
 */
export function parseStyles(raw, supports = () => true) {
  if (typeof raw !== 'string' || raw === '') return NO_STYLES;
  let config;
  try {
    config = JSON.parse(raw);
  } catch {
    return NO_STYLES;
  }
  if (!isRecord(config)) return NO_STYLES;
  const theme = THEMES.includes(config.theme) ? config.theme : 'light';
  const variables = {};
  const given = isRecord(config.variables) ? config.variables : {};
  for (const name of STYLE_VARIABLES) {
    const value = Object.hasOwn(given, name) ? given[name] : undefined;
    const property = name === 'borderRadius' ? 'border-radius' : 'color';
    if (isSafeCssValue(value) && supports(property, value.trim())) variables[name] = value.trim();
  }
  return { theme, variables };
}

/** Sets the theme (`data-theme` on `root`) and each variable as a custom property on `root`. */
export function applyStyles(root, styles) {
  root.dataset.theme = styles.theme;
  for (const [name, value] of Object.entries(styles.variables)) root.style.setProperty(cssPropertyOf(name), value);
}
