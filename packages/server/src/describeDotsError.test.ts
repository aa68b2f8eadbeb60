import { describe, expect, it } from 'vitest';
import { describeDotsError } from './describeDotsError.js';

const describe_ = (status: number, body: unknown, secrets: string[] = []) =>
  describeDotsError({
    method: 'POST',
    path: '/v2/flows',
    status,
    text: typeof body === 'string' ? body : JSON.stringify(body),
    secrets,
  });

describe('describeDotsError', () => {
  // Dots documents kebab-case codes (`docs/references/error-codes.mdx`) but not the body of its flows errors.
  it.each([
    [{ error: { code: 'invalid-input', message: 'metadata key too long' } }, 'invalid-input', 'metadata key too long'],
    [{ code: 'invalid-input', message: 'bad steps' }, 'invalid-input', 'bad steps'],
    [{ error_code: 'user-info-missing', error_message: 'no phone' }, 'user-info-missing', 'no phone'],
    [{ error: 'invalid-input', message: 'steps must be unique' }, 'invalid-input', 'steps must be unique'],
    [{ error: { code: 'invalid_steps', message: 'unknown step' } }, 'invalid_steps', 'unknown step'],
    [{ error: 'The input provided is invalid.' }, undefined, 'The input provided is invalid.'],
    [{ detail: 'Not allowed' }, undefined, 'Not allowed'],
    [{ message: 'x', code: 'two words' }, undefined, 'x'],
    [{ message: 'x', code: 42 }, undefined, 'x'],
    [{ message: 'x', code: 'c'.repeat(65) }, undefined, 'x'],
    ['<html>Bad Request</html>', undefined, undefined],
    [[{ message: 'in an array' }], undefined, undefined],
    [null, undefined, undefined],
  ])('reads %j', (body, dotsCode, dotsMessage) => {
    const error = describe_(400, body);
    expect(error).toMatchObject({ code: 'bad_request', status: 400, dotsCode, dotsMessage });
    expect(error.message).toContain('HTTP 400');
    if (dotsCode) expect(error.message).toContain(dotsCode);
    if (dotsMessage) expect(error.message).toContain(dotsMessage);
  });

  it('cleans Dots’ message: no control characters, at most 300 characters, no secrets', () => {
    const error = describe_(400, { code: 'invalid-input', message: `a\u0000b\nc sk_key ${'x'.repeat(400)}` }, [
      'sk_key',
    ]);
    expect(error.dotsMessage).toMatch(/^a b c \[redacted\] x+…$/);
    expect(error.dotsMessage?.length).toBeLessThanOrEqual(301);
    // A code that is itself a secret is dropped, not shown redacted.
    expect(describe_(400, { code: 'sk_key', message: 'm' }, ['sk_key']).dotsCode).toBeUndefined();
  });

  it('maps statuses: 4xx refusals, credentials, missing, rate, 5xx, others', () => {
    expect(describe_(422, {}).code).toBe('bad_request');
    expect(describe_(409, {}).code).toBe('bad_request');
    expect(describe_(401, {}).code).toBe('unauthorized');
    expect(describe_(403, {}).code).toBe('unauthorized');
    expect(describe_(404, {}).code).toBe('not_found');
    expect(describe_(429, {}).code).toBe('rate_limited');
    expect(describe_(408, {}).code).toBe('http_error');
    expect(describe_(302, {}).code).toBe('http_error');
    expect(describe_(503, {}).code).toBe('server_error');
  });
});
