import { describe, expect, it } from 'vitest';
import { basicAuthHeader, checkBasicAuth } from './basicAuth.js';

const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('checkBasicAuth', () => {
  it('accepts the exact credentials, with the scheme in any case', () => {
    expect(checkBasicAuth(basicAuthHeader('id', 'key'), 'id', 'key')).toBe(true);
    expect(checkBasicAuth(`basic ${b64('id:key')}`, 'id', 'key')).toBe(true);
  });

  it('keeps colons that belong to the API key', () => {
    expect(checkBasicAuth(basicAuthHeader('id', 'k:e:y'), 'id', 'k:e:y')).toBe(true);
    expect(checkBasicAuth(basicAuthHeader('id', 'k:e:y'), 'id', 'k')).toBe(false);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['wrong key', `Basic ${b64('id:nope')}`],
    ['wrong id', `Basic ${b64('nope:key')}`],
    ['swapped', `Basic ${b64('key:id')}`],
    ['no colon', `Basic ${b64('idkey')}`],
    ['bearer', `Bearer ${b64('id:key')}`],
    ['not base64', 'Basic id:key'],
    ['scheme only', 'Basic'],
    ['trailing garbage', `Basic ${b64('id:key')} extra`],
    ['prefix match', `Basic ${b64('id:keyy')}`],
  ])('rejects %s', (_name, header) => {
    expect(checkBasicAuth(header, 'id', 'key')).toBe(false);
  });
});
