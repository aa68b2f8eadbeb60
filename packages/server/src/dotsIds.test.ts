import { describe, expect, it } from 'vitest';
import { isFlowId, isUuid } from './dotsIds.js';

describe('isUuid / isFlowId', () => {
  it('takes the UUIDs of Dots’ guides, in either case, and nothing around them', () => {
    for (const id of [
      'b3293101-35ef-451a-aad4-881da3697c2f',
      '5f0f8f8f-f8f8-f8f8-f8f8-f8f8f8f8f8f8',
      'F33919AE-6793-41BD-B512-1AD3C19F4ECB',
    ]) {
      expect(isUuid(id)).toBe(true);
      expect(isFlowId(id)).toBe(true);
    }
    for (const id of [
      '',
      'b3293101-35ef-451a-aad4-881da3697c2',
      'b3293101-35ef-451a-aad4-881da3697c2fa',
      'b329310135ef451aaad4881da3697c2f',
      '{b3293101-35ef-451a-aad4-881da3697c2f}',
      ' b3293101-35ef-451a-aad4-881da3697c2f',
      'b3293101-35ef-451a-aad4-881da3697c2f\n',
      'g3293101-35ef-451a-aad4-881da3697c2f',
      'flow_1',
      42,
      null,
      undefined,
      { toString: () => 'b3293101-35ef-451a-aad4-881da3697c2f' },
    ]) {
      expect(isUuid(id)).toBe(false);
    }
  });

  it('isFlowId takes the local sandbox’s ids but nothing unsafe in a URL path', () => {
    expect(isFlowId('flow_0123456789abcdef')).toBe(true);
    for (const id of ['', '..', '../admin', 'a/b', 'a b', 'a?b=1', 'a%2F', 'é', 'x'.repeat(129), 42, null]) {
      expect(isFlowId(id)).toBe(false);
    }
  });
});
