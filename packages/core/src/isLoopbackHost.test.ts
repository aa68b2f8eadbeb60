import { describe, expect, it } from 'vitest';
import { isLoopbackHost, isSecureFrameUrl } from './isLoopbackHost.js';

describe('isLoopbackHost', () => {
  it('accepts the loopback hosts as URL spells them', () => {
    for (const url of ['http://localhost:4010', 'http://127.0.0.1:4010', 'http://[::1]:4010', 'http://LOCALHOST']) {
      expect(isLoopbackHost(new URL(url).hostname)).toBe(true);
    }
  });

  it('rejects look-alikes and other hosts', () => {
    for (const host of [
      'localhost.evil.com',
      'evil-localhost',
      '127.0.0.1.nip.io',
      '0.0.0.0',
      '10.0.0.1',
      'my.dots.dev',
      '::1',
      '',
    ]) {
      expect(isLoopbackHost(host)).toBe(false);
    }
  });

  it('isSecureFrameUrl accepts https anywhere and plain http only on a loopback host', () => {
    for (const url of [
      'https://my.dots.dev/flow/1',
      'http://127.0.0.1:4010',
      'http://localhost',
      'http://[::1]:4010/x',
    ]) {
      expect(isSecureFrameUrl(new URL(url))).toBe(true);
    }
    for (const url of [
      'http://my.dots.dev',
      'http://localhost.evil.com',
      'javascript:alert(1)',
      'ftp://127.0.0.1',
      'data:,x',
    ]) {
      expect(isSecureFrameUrl(new URL(url))).toBe(false);
    }
  });
});
