import { describe, expect, it } from 'vitest';
import { isSvixSecret, signSvix } from './svixSignature.js';
import { SANDBOX_DEFAULTS } from './defaults.js';

describe('signSvix', () => {
  it("matches Svix's published test vector", () => {
    const signature = signSvix(
      'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      'msg_p5jXN8AQM9LWM0D4loKWxJek',
      1614265330,
      '{"test": 2432232314}',
    );
    expect(signature).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('changes when any signed part changes', () => {
    const base = signSvix(SANDBOX_DEFAULTS.webhookSecret, 'msg_1', 1, '{}');
    expect(signSvix(SANDBOX_DEFAULTS.webhookSecret, 'msg_2', 1, '{}')).not.toBe(base);
    expect(signSvix(SANDBOX_DEFAULTS.webhookSecret, 'msg_1', 2, '{}')).not.toBe(base);
    expect(signSvix(SANDBOX_DEFAULTS.webhookSecret, 'msg_1', 1, '{ }')).not.toBe(base);
    expect(signSvix('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'msg_1', 1, '{}')).not.toBe(base);
  });
});

describe('isSvixSecret', () => {
  it('accepts whsec_ secrets with base64 keys', () => {
    expect(isSvixSecret(SANDBOX_DEFAULTS.webhookSecret)).toBe(true);
    expect(isSvixSecret('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')).toBe(true);
    expect(isSvixSecret('whsec_YQ==')).toBe(true);
  });

  it.each(['', 'whsec_', 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'whsec_not base64!', 'whsec_abc', 'WHSEC_YQ=='])(
    'rejects %j',
    (secret) => {
      expect(isSvixSecret(secret)).toBe(false);
    },
  );
});
