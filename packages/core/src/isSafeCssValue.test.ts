import { describe, expect, it } from 'vitest';
// The flow page's own rule (a plain module the sandbox serves to the page): both must agree on every value.
import { isSafeCssValue as pageRule } from '@dots-flow/sandbox/page/flowStyles.js';
import { isSafeCssValue } from './isSafeCssValue.js';

const SAFE = [
  '#0d1117',
  ' #fff ',
  'rgb(13, 17, 23)',
  'hsl(210 20% 98% / 0.5)',
  'transparent',
  '8px',
  '0.5rem',
  'Canvas',
];
const UNSAFE = [
  '',
  '   ',
  'red; background: url(https://evil.example/x.png)',
  '"); background:url(',
  "red') ; x",
  'red} body{display:none',
  'url(https://evil.example/x.png)',
  'URL (x)',
  'var(--secret)',
  'attr(title)',
  'expression(alert(1))',
  'image-set(x 1x)',
  'env(safe-area-inset-top)',
  'paint(worklet)',
  'element(#id)',
  'red/**/',
  'red /* x */',
  'red\\3b',
  '<style>',
  `#${'a'.repeat(64)}`,
];

describe('isSafeCssValue', () => {
  it.each(SAFE)('accepts %j', (value) => {
    expect(isSafeCssValue(value)).toBe(true);
  });

  it.each(UNSAFE)('refuses %j', (value) => {
    expect(isSafeCssValue(value)).toBe(false);
  });

  it.each([12, null, undefined, {}, ['red'], { toString: () => 'red' }])('refuses the non-string %j', (value) => {
    expect(isSafeCssValue(value)).toBe(false);
  });

  it("agrees with the sandbox flow page's rule on every value above", () => {
    for (const value of [...SAFE, ...UNSAFE, 12, null])
      expect(isSafeCssValue(value), String(value)).toBe(pageRule(value));
  });
});
