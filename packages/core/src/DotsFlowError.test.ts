import { describe, expect, it } from 'vitest';
import { DOTS_FLOW_ERROR_CODES, DotsFlowError, isDotsFlowError } from './DotsFlowError.js';

describe('DotsFlowError', () => {
  it('carries a code, a message, an optional status and cause', () => {
    const cause = new TypeError('fetch failed');
    const error = new DotsFlowError('backend_failed', 'The flow endpoint answered 502.', { cause, status: 502 });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DotsFlowError');
    expect(error.code).toBe('backend_failed');
    expect(error.message).toBe('The flow endpoint answered 502.');
    expect(error.status).toBe(502);
    expect(error.cause).toBe(cause);
    const plain = new DotsFlowError('network', 'offline');
    expect(plain.status).toBeUndefined();
    expect('cause' in plain).toBe(false);
  });

  it('lists the documented codes', () => {
    for (const code of [
      'backend_failed',
      'network',
      'invalid_response',
      'untrusted_link',
      'expired',
      'frame_timeout',
    ]) {
      expect(DOTS_FLOW_ERROR_CODES).toContain(code);
    }
  });

  it('isDotsFlowError recognises its own errors and look-alikes from another copy', () => {
    expect(isDotsFlowError(new DotsFlowError('expired', 'The flow link expired.'))).toBe(true);
    const foreign = Object.assign(new Error('x'), { name: 'DotsFlowError', code: 'network' });
    expect(isDotsFlowError(foreign)).toBe(true);
  });

  it('isDotsFlowError rejects everything else without throwing', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const throwingName = Object.defineProperty(new Error('x'), 'name', {
      get() {
        throw new Error('boom');
      },
    });
    for (const value of [
      new Error('x'),
      Object.assign(new Error('x'), { name: 'DotsFlowError' }),
      { name: 'DotsFlowError', code: 'network', message: 'not an Error' },
      null,
      'DotsFlowError',
      proxy,
      throwingName,
    ]) {
      expect(isDotsFlowError(value)).toBe(false);
    }
  });
});
