// Types for flowStyles.js (tests import it; the page loads it directly).

export type FlowTheme = 'light' | 'dark';

export interface FlowStyles {
  theme: FlowTheme;
  variables: Readonly<Record<string, string>>;
}

export const THEMES: readonly FlowTheme[];
export const STYLE_VARIABLES: readonly string[];
export function cssPropertyOf(name: string): string;
export function isSafeCssValue(value: unknown): value is string;
export function parseStyles(raw: unknown, supports?: (property: string, value: string) => boolean): FlowStyles;
export function applyStyles(root: HTMLElement, styles: FlowStyles): void;
