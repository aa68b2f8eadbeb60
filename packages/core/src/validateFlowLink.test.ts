import { describe, expect, it } from 'vitest';
import { DotsFlowError } from './DotsFlowError.js';
import { frameOriginsFor } from './frameOriginsFor.js';
import { validateFlowLink } from './validateFlowLink.js';

const trusted = ['https://my.dots.dev', 'http://127.0.0.1:4010', 'http://localhost:3000', 'http://[::1]:4010'];

function errorOf(link: unknown, origins: readonly string[] = trusted): DotsFlowError {
  try {
    validateFlowLink(link, origins);
  } catch (error) {
    if (error instanceof DotsFlowError) return error;
    throw error;
  }
  throw new Error(`expected ${String(link)} to be rejected`);
}

describe('validateFlowLink', () => {
  it('returns the parsed URL of a trusted https link', () => {
    const url = validateFlowLink('https://my.dots.dev/flow/abc?x=1#y', trusted);
    expect(url).toBeInstanceOf(URL);
    expect(url.href).toBe('https://my.dots.dev/flow/abc?x=1#y');
  });

  it("frames Dots' sandbox links on both sandbox origins and nothing that looks like them", () => {
    const sandbox = frameOriginsFor('sandbox');
    expect(validateFlowLink('https://my-sandbox.dots.dev/flow/0c2a0f8e', sandbox).origin).toBe(
      'https://my-sandbox.dots.dev',
    );
    expect(validateFlowLink('https://my.senddotssandbox.com/flow/0c2a0f8e', sandbox).origin).toBe(
      'https://my.senddotssandbox.com',
    );
    for (const link of [
      'https://my-sandbox.dots.dev.evil.com/flow/1',
      'https://my-sandbox-dots.dev/flow/1',
      'https://my.sandbox.dots.dev/flow/1',
      'http://my-sandbox.dots.dev/flow/1',
      'https://my-sandbox.dots.dev:8443/flow/1',
      'https://my.dots.dev/flow/1',
    ]) {
      expect(errorOf(link, sandbox).code).toBe('untrusted_link');
    }
  });

  it('accepts http only on a trusted loopback origin', () => {
    expect(validateFlowLink('http://127.0.0.1:4010/flow/1', trusted).origin).toBe('http://127.0.0.1:4010');
    expect(validateFlowLink('http://localhost:3000/flow/1', trusted).origin).toBe('http://localhost:3000');
    expect(validateFlowLink('http://[::1]:4010/flow/1', trusted).origin).toBe('http://[::1]:4010');
    // A misconfigured allowlist that lists a public http origin still does not make it frameable.
    const error = errorOf('http://flows.example.com/flow/1', ['http://flows.example.com']);
    expect(error.code).toBe('untrusted_link');
    expect(error.message).toContain('https:');
  });

  it.each([
    [null, 'null'],
    [undefined, 'undefined'],
    [42, 'number'],
    [{ href: 'https://my.dots.dev/flow/1' }, 'object'],
    [new URL('https://my.dots.dev/flow/1'), 'object'],
  ])('answers invalid_response for a link that is not a string: %s', (link, kind) => {
    const error = errorOf(link);
    expect(error.code).toBe('invalid_response');
    expect(error.message).toContain(kind);
    expect(error.message).toContain('"link"');
  });

  it.each(['', '/flow/1', 'flow/1', '//my.dots.dev/flow/1', 'https://', 'https://my dots.dev', 'not a url'])(
    'answers invalid_response for a link that is not an absolute URL: %j',
    (link) => {
      const error = errorOf(link);
      expect(error.code).toBe('invalid_response');
      expect(error.message).toContain('not an absolute URL');
    },
  );

  it.each([
    'https://my.dots.dev.evil.com/flow/1',
    'https://my.dots.devil.io/flow/1',
    'https://my.dots.dev:444/flow/1',
    'https://evil.com/https://my.dots.dev/flow/1',
    'https://evil.com/?next=https://my.dots.dev',
    'https://127.0.0.1:4010/flow/1',
    'http://127.0.0.1:4011/flow/1',
  ])('answers untrusted_link for a foreign origin: %s', (link) => {
    const error = errorOf(link);
    expect(error.code).toBe('untrusted_link');
    expect(error.message).toContain('add its origin to environment.frameOrigins');
  });

  it.each([
    'javascript:alert(document.domain)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'blob:https://my.dots.dev/0b8e6b1a-3c3e-4b0a-9f00-000000000000',
    'http://my.dots.dev/flow/1',
    'ftp://my.dots.dev/flow/1',
    'file:///etc/passwd',
    'ws://127.0.0.1:4010/flow/1',
  ])('answers untrusted_link for a scheme that is not https: %s', (link) => {
    const error = errorOf(link, [...trusted, 'https://my.dots.dev']);
    expect(error.code).toBe('untrusted_link');
    expect(error.message).toContain('only https: links are framed');
  });

  it.each(['https://user:pass@my.dots.dev/flow/1', 'https://user@my.dots.dev/flow/1', 'http://:pw@127.0.0.1:4010/'])(
    'answers untrusted_link for credentials in the URL: %s',
    (link) => {
      const error = errorOf(link);
      expect(error.code).toBe('untrusted_link');
      expect(error.message).toContain('credentials');
    },
  );

  it('trusts nothing with an empty allowlist, and never an opaque origin', () => {
    expect(errorOf('https://my.dots.dev/flow/1', []).code).toBe('untrusted_link');
    expect(errorOf('data:text/html,x', ['null']).code).toBe('untrusted_link');
  });

  it('keeps error messages short for huge links', () => {
    const error = errorOf(`https://evil.com/${'a'.repeat(100_000)}`);
    expect(error.message.length).toBeLessThan(600);
  });
});
