import { afterEach, describe, expect, it, vi } from 'vitest';
import { devWarn } from './devWarn.js';

const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;
const original = env.NODE_ENV;

afterEach(() => {
  env.NODE_ENV = original;
  vi.restoreAllMocks();
});

describe('devWarn', () => {
  it('warns with a prefix outside production', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    env.NODE_ENV = 'development';
    devWarn('Ignored a message.', { height: -1 });
    devWarn('No detail.');
    expect(warn).toHaveBeenNthCalledWith(1, '[dots-flow] Ignored a message.', { height: -1 });
    expect(warn).toHaveBeenNthCalledWith(2, '[dots-flow] No detail.');
  });

  it('stays silent in production', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    env.NODE_ENV = 'production';
    devWarn('Ignored a message.');
    expect(warn).not.toHaveBeenCalled();
  });

  it('never throws, even when console.warn does', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {
      throw new Error('broken console');
    });
    env.NODE_ENV = 'test';
    expect(() => devWarn('x')).not.toThrow();
  });
});
