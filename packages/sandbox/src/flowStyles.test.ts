import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APPEARANCE_THEMES, APPEARANCE_VARIABLES } from '@dots-flow/core';
import { STYLE_VARIABLES, THEMES, cssPropertyOf, isSafeCssValue, parseStyles } from '../page/flowStyles.js';

const styles = (value: unknown) => JSON.stringify(value);

describe('page/flowStyles.js', () => {
  it('knows the 19 variables Dots documents, each with its own custom property', () => {
    expect(STYLE_VARIABLES).toHaveLength(19);
    expect(cssPropertyOf('buttonHoverBackgroundColor')).toBe('--dots-button-hover-background-color');
    expect(new Set(STYLE_VARIABLES.map(cssPropertyOf)).size).toBe(19);
  });

  it('knows exactly the themes and variables core types `appearance` with, in the same order', () => {
    // The page is plain JS served as is, so it keeps its own copy of the list; this keeps the two one list.
    expect(STYLE_VARIABLES).toEqual(APPEARANCE_VARIABLES);
    expect(THEMES).toEqual(APPEARANCE_THEMES);
  });

  it('has flow.css use every variable', () => {
    const css = readFileSync(new URL('../page/flow.css', import.meta.url), 'utf8');
    for (const name of STYLE_VARIABLES) expect(css, name).toContain(`var(${cssPropertyOf(name)})`);
  });

  it('reads the theme and every variable', () => {
    const variables = Object.fromEntries(
      STYLE_VARIABLES.map((name) => [name, name === 'borderRadius' ? '8px' : '#c88bc4']),
    );
    expect(parseStyles(styles({ theme: 'dark', variables }))).toEqual({ theme: 'dark', variables });
  });

  it.each([
    ['no parameter', null],
    ['an empty parameter', ''],
    ['malformed JSON', '{"theme": "dark"'],
    ['a JSON array', '["dark"]'],
    ['a JSON string', '"dark"'],
    ['an unknown theme', styles({ theme: 'solarized' })],
    ['a theme of the wrong type', styles({ theme: ['dark'] })],
  ])('falls back to the light theme for %s', (_name, raw) => {
    expect(parseStyles(raw)).toEqual({ theme: 'light', variables: {} });
  });

  it('drops unknown keys, non-strings and empty values, keeping the rest', () => {
    const parsed = parseStyles(
      styles({
        theme: 'dark',
        variables: { primaryColor: ' #fff ', fontFamily: 'Comic Sans', borderRadius: 4, backgroundColor: '' },
        extra: true,
      }),
    );
    expect(parsed).toEqual({ theme: 'dark', variables: { primaryColor: '#fff' } });
  });

  it.each([
    'red; background: url(https://evil.example/x)',
    'red}body{display:none',
    'url(https://evil.example/pixel)',
    'URL (x)',
    'var(--other)',
    'expression(alert(1))',
    'image-set("a.png" 1x)',
    'red /* comment */',
    '"quoted"',
    "'quoted'",
    '#fff\\;',
    '<script>',
    'x'.repeat(65),
  ])('refuses the unsafe value %j', (value) => {
    expect(isSafeCssValue(value)).toBe(false);
    expect(parseStyles(styles({ variables: { primaryColor: value } })).variables).toEqual({});
  });

  it.each(['#0a0b0c', 'rgb(10, 20, 30)', 'rgb(10 20 30 / 50%)', 'hsl(200 50% 40%)', 'rebeccapurple', '0.5rem', '12px'])(
    'keeps the safe value %j',
    (value) => {
      expect(isSafeCssValue(value)).toBe(true);
    },
  );

  it('asks the browser whether a value is a color or a radius', () => {
    const calls: string[] = [];
    const supports = (property: string, value: string) => {
      calls.push(`${property}:${value}`);
      return value !== 'notacolor';
    };
    const parsed = parseStyles(styles({ variables: { primaryColor: 'notacolor', borderRadius: '3px' } }), supports);
    expect(parsed.variables).toEqual({ borderRadius: '3px' });
    expect(calls).toEqual(['color:notacolor', 'border-radius:3px']);
  });
});
