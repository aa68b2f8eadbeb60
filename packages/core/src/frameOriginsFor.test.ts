import { afterEach, describe, expect, it, vi } from 'vitest';
import { DotsFlowError } from './DotsFlowError.js';
import { DOTS_API_URLS, DOTS_FRAME_ORIGINS } from './environments.js';
import { frameOriginsFor } from './frameOriginsFor.js';
import type { DotsEnvironment } from './types.js';
import { validateFlowLink } from './validateFlowLink.js';

function errorOf(run: () => unknown): DotsFlowError {
  try {
    run();
  } catch (error) {
    if (error instanceof DotsFlowError) return error;
    throw error;
  }
  throw new Error('expected a DotsFlowError');
}

describe('frameOriginsFor', () => {
  it("returns Dots' frame origins for the named environments", () => {
    expect(frameOriginsFor('production')).toEqual(['https://my.dots.dev']);
    // docs/guides/flow-payouts.mdx links sandbox flows on my-sandbox.dots.dev; older guides on my.senddotssandbox.com.
    expect(frameOriginsFor('sandbox')).toEqual(['https://my-sandbox.dots.dev', 'https://my.senddotssandbox.com']);
    expect(Object.isFrozen(frameOriginsFor('production'))).toBe(true);
    expect(frameOriginsFor('sandbox')).toBe(DOTS_FRAME_ORIGINS.sandbox);
  });

  it('exports the API hosts for the server kit', () => {
    // docs/overview/environments.mdx
    expect(DOTS_API_URLS).toEqual({
      production: 'https://api.dots.dev/api',
      sandbox: 'https://pls.senddotssandbox.com/api',
    });
    expect(Object.isFrozen(DOTS_API_URLS)).toBe(true);
  });

  it('returns a frozen copy of custom origins', () => {
    const frameOrigins = [
      'http://127.0.0.1:4010',
      'https://flows.example.com',
      'http://localhost:3000',
      'http://[::1]:9',
    ];
    const origins = frameOriginsFor({ frameOrigins });
    expect(origins).toEqual(frameOrigins);
    expect(origins).not.toBe(frameOrigins);
    expect(Object.isFrozen(origins)).toBe(true);
    frameOrigins.push('https://evil.com');
    expect(origins).not.toContain('https://evil.com');
  });

  it.each([
    ['a trailing slash', 'https://my.dots.dev/', '"https://my.dots.dev"'],
    ['a path', 'https://my.dots.dev/flow', '"https://my.dots.dev"'],
    ['upper case', 'https://My.Dots.Dev', '"https://my.dots.dev"'],
    ['a default port', 'https://my.dots.dev:443', '"https://my.dots.dev"'],
    ['a wildcard', 'https://*.dots.dev', 'wildcards are not supported'],
    ['a bare host', 'my.dots.dev', 'not an absolute URL'],
    ["'null'", 'null', 'not an origin string'],
    ['an empty string', '', 'not an absolute URL'],
    ['plain http on a public host', 'http://my.dots.dev', 'https:'],
    ['a javascript: URL', 'javascript:alert(1)', 'not usable'],
    ['a data: URL', 'data:text/html,x', 'not usable'],
    ['credentials', 'https://user:pass@my.dots.dev', 'not usable'],
  ])('rejects an origin with %s, saying how to fix it', (_label, origin, hint) => {
    const error = errorOf(() => frameOriginsFor({ frameOrigins: [origin] }));
    expect(error.code).toBe('invalid_request');
    expect(error.message).toContain('frameOrigins');
    expect(error.message).toContain(hint);
  });

  it('rejects non-string entries and unusable environments', () => {
    expect(errorOf(() => frameOriginsFor({ frameOrigins: [42 as unknown as string] })).code).toBe('invalid_request');
    const unusable: unknown[] = [
      'staging',
      '',
      null,
      undefined,
      42,
      {},
      { frameOrigins: [] },
      { frameOrigins: 'https://my.dots.dev' },
      ['https://my.dots.dev'],
      Object.defineProperty({}, 'frameOrigins', {
        get() {
          throw new Error('boom');
        },
      }),
    ];
    for (const environment of unusable) {
      const error = errorOf(() => frameOriginsFor(environment as DotsEnvironment));
      expect(error.code).toBe('invalid_request');
      expect(error.message).toContain("Use 'sandbox', 'production'");
    }
  });
});

describe('frameOriginsFor in production builds', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('skips the per-origin check, and what it let through still frames nothing unsafe', () => {
    vi.stubEnv('NODE_ENV', 'production');
    const listed = ['http://evil.example', 'https://my.dots.dev/', 'https://*.dots.dev', 'null'];
    const origins = frameOriginsFor({ frameOrigins: listed });
    expect(origins).toEqual(listed);
    expect(Object.isFrozen(origins)).toBe(true);
    for (const link of ['http://evil.example/flow/1', 'https://my.dots.dev/flow/1', 'https://x.dots.dev/flow/1']) {
      expect(() => validateFlowLink(link, origins)).toThrow(expect.objectContaining({ code: 'untrusted_link' }));
    }
    // The checks that guard the list itself stay.
    expect(errorOf(() => frameOriginsFor({ frameOrigins: [] })).code).toBe('invalid_request');
    expect(errorOf(() => frameOriginsFor('staging' as DotsEnvironment)).code).toBe('invalid_request');
  });
});
