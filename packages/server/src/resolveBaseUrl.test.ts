import { describe, expect, it } from 'vitest';
import { createDotsClient } from './createDotsClient.js';
import { DotsApiError } from './DotsApiError.js';
import { DOTS_ID_RULE, LOOSE_ID_RULE } from './dotsIds.js';
import { resolveBaseUrl } from './resolveBaseUrl.js';

const baseOf = (baseUrl: string) => createDotsClient({ clientId: 'c', apiKey: 'k', baseUrl }).baseUrl;

describe('resolveBaseUrl', () => {
  it.each([
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010/api'],
    ['http://127.0.0.1:4010/', 'http://127.0.0.1:4010/api'],
    ['http://127.0.0.1:4010/api', 'http://127.0.0.1:4010/api'],
    ['https://pls.senddotssandbox.com/api', 'https://pls.senddotssandbox.com/api'],
    ['https://pls.senddotssandbox.com/api//', 'https://pls.senddotssandbox.com/api'],
    ['https://api.dots.dev', 'https://api.dots.dev/api'],
    ['HTTPS://API.DOTS.DEV/api', 'https://api.dots.dev/api'],
    ['https://proxy.example/dots/api', 'https://proxy.example/dots/api'],
    ['https://proxy.example/a/../dots', 'https://proxy.example/dots'],
  ])('%s → %s', (given, expected) => {
    expect(baseOf(given)).toBe(expected);
  });

  it('checks ids as UUIDs on Dots’ own bases only', () => {
    expect(resolveBaseUrl({}).ids).toBe(DOTS_ID_RULE);
    expect(resolveBaseUrl({ environment: 'production' }).ids).toBe(DOTS_ID_RULE);
    expect(resolveBaseUrl({ baseUrl: 'https://pls.senddotssandbox.com/api/' }).ids).toBe(DOTS_ID_RULE);
    expect(resolveBaseUrl({ baseUrl: 'https://api.dots.dev' }).ids).toBe(DOTS_ID_RULE);
    expect(resolveBaseUrl({ baseUrl: 'http://127.0.0.1:4010' }).ids).toBe(LOOSE_ID_RULE);
    expect(resolveBaseUrl({ baseUrl: 'https://api.dots.dev.evil.example/api' }).ids).toBe(LOOSE_ID_RULE);
  });

  it.each([
    ['https://api.dots.dev/api/v2', 'https://api.dots.dev/api'],
    ['http://127.0.0.1:4010/api/v2/flows', 'http://127.0.0.1:4010/api'],
    ['http://127.0.0.1:4010/V2/', 'http://127.0.0.1:4010'],
    ['', 'absolute URL'],
    ['/api', 'absolute URL'],
    ['javascript:alert(1)', 'http(s)'],
    ['file:///etc/passwd', 'http(s)'],
    ['https://k:s@api.dots.dev/api', 'credentials'],
    ['https://api.dots.dev/api#x', 'query or a fragment'],
  ])('refuses the base %j with a hint (%s)', (baseUrl, hint) => {
    let thrown: unknown;
    try {
      resolveBaseUrl({ baseUrl });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DotsApiError);
    expect((thrown as DotsApiError).code).toBe('invalid_options');
    expect((thrown as DotsApiError).message).toContain(hint);
  });

  it('refuses an unknown environment, whatever its type', () => {
    for (const environment of ['staging', 'Production', '', 0, null, {}]) {
      expect(() => resolveBaseUrl({ environment })).toThrow(/environment must be/);
    }
  });
});
