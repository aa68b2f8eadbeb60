import { describe, expect, it } from 'vitest';
import { isTrustedOrigin } from './isTrustedOrigin.js';

const trusted = ['https://my.dots.dev', 'http://127.0.0.1:4010'];

describe('isTrustedOrigin', () => {
  it('accepts exact matches', () => {
    expect(isTrustedOrigin('https://my.dots.dev', trusted)).toBe(true);
    expect(isTrustedOrigin('http://127.0.0.1:4010', trusted)).toBe(true);
  });

  it.each([
    'https://my.dots.dev.evil.com',
    'https://my.dots.devil.io',
    'http://my.dots.dev',
    'https://my.dots.dev:444',
    'https://my.dots.dev/',
    'https://MY.DOTS.DEV',
    ' https://my.dots.dev',
    'https://evil.com/https://my.dots.dev',
    'https://my.dots.de',
    'http://127.0.0.1:40100',
    'http://localhost:4010',
    'null',
    '',
  ])('rejects %j', (origin) => {
    expect(isTrustedOrigin(origin, trusted)).toBe(false);
  });

  it('rejects non-strings, even ones that stringify to a trusted origin', () => {
    for (const origin of [null, undefined, 1, ['https://my.dots.dev'], new String('https://my.dots.dev')]) {
      expect(isTrustedOrigin(origin, trusted)).toBe(false);
    }
    expect(isTrustedOrigin({ toString: () => 'https://my.dots.dev' }, trusted)).toBe(false);
  });

  it("never trusts 'null', even when it is in the allowlist", () => {
    expect(isTrustedOrigin('null', ['null'])).toBe(false);
  });

  it('trusts nothing with an empty or hostile allowlist', () => {
    expect(isTrustedOrigin('https://my.dots.dev', [])).toBe(false);
    const hostile = {
      [Symbol.iterator]: () => {
        throw new Error('boom');
      },
    } as unknown as readonly string[];
    expect(isTrustedOrigin('https://my.dots.dev', hostile)).toBe(false);
  });
});
