import { describe, expect, it } from 'vitest';
import { signTestWebhook } from './signTestWebhook.js';
import { verifyWebhook } from './verifyWebhook.js';
import { createWebhookKeyCache, WEBHOOK_KEY_CACHE_LIMIT, webhookKeys } from './webhookKeyCache.js';
import { BODY, headers, NOW, OTHER_SECRET, rejection, SECRET, verify } from './testing/svixExample.js';
import { describeOnBothHmacPaths } from './testing/hmacPaths.js';

const secretOf = (fill: number) => `whsec_${Buffer.alloc(24, fill).toString('base64')}`;

describe('webhook key cache', () => {
  it('imports a secret once and gives different secrets different keys', async () => {
    const cache = createWebhookKeyCache(4);
    const first = await cache.key(SECRET);
    expect(await cache.key(SECRET)).toBe(first);
    expect(await cache.key(OTHER_SECRET)).not.toBe(first);
    expect(cache.size).toBe(2);
  });

  it('keeps at most its limit, dropping the least recently used', async () => {
    const cache = createWebhookKeyCache(3);
    const keepMe = await cache.key(secretOf(1));
    for (let fill = 2; fill <= 40; fill += 1) {
      await cache.key(secretOf(fill));
      // Used after every other import, so it is never the least recently used.
      expect(await cache.key(secretOf(1))).toBe(keepMe);
      expect(cache.size).toBeLessThanOrEqual(3);
    }
    expect(cache.size).toBe(3);
    const dropped = await cache.key(secretOf(2));
    expect(await cache.key(secretOf(2))).toBe(dropped);
    expect(cache.size).toBe(3);
  });

  it('refuses bad secrets with invalid_secret and keeps none of them', async () => {
    const cache = createWebhookKeyCache(4);
    const good = await cache.key(SECRET);
    const hostile = [
      '__proto__',
      'constructor',
      'whsec_',
      'whsec___proto__',
      `${SECRET}\u0000`,
      ` ${SECRET}`,
      'whsec_' + 'A'.repeat(1_000_000),
      new String(SECRET),
      { toString: () => SECRET },
      [SECRET],
      undefined,
    ];
    for (const secret of hostile) {
      expect(await rejection(cache.key(secret))).toBe('invalid_secret');
      // Twice: a refused secret is not remembered as anything on the second call either.
      expect(await rejection(cache.key(secret))).toBe('invalid_secret');
    }
    expect(cache.size).toBe(1);
    expect(await cache.key(SECRET)).toBe(good);
  });

  it('refuses limits that are not positive whole numbers', () => {
    for (const limit of [0, -1, 1.5, Number.NaN]) expect(() => createWebhookKeyCache(limit)).toThrow(TypeError);
  });
});

describeOnBothHmacPaths('verifyWebhook with cached keys', () => {
  it('gives the same answers as before for good, tampered, stale and wrong-secret bodies, in any order', async () => {
    for (let round = 0; round < 3; round += 1) {
      await expect(verify(BODY, headers())).resolves.toEqual({ test: 2432232314 });
      expect(await rejection(verify(BODY.replace('2', '3'), headers()))).toBe('invalid_signature');
      expect(await rejection(verify(BODY, headers(), OTHER_SECRET))).toBe('invalid_signature');
      const late = new Date(NOW.getTime() + 301_000);
      expect(await rejection(verifyWebhook(BODY, headers(), SECRET, { now: late }))).toBe('timestamp_too_old');
      expect(await rejection(verify(BODY, headers(), `${SECRET}x`))).toBe('invalid_secret');
    }
  });

  it('verifies each secret only its own messages while more secrets than the limit take turns', async () => {
    const secrets = Array.from({ length: WEBHOOK_KEY_CACHE_LIMIT * 3 }, (_, index) => secretOf(index + 1));
    const signed = await Promise.all(secrets.map((secret, index) => signTestWebhook({ n: index }, secret)));
    for (let round = 0; round < 2; round += 1) {
      for (const [index, secret] of secrets.entries()) {
        await expect(verifyWebhook(signed[index]!.body, signed[index]!.headers, secret)).resolves.toEqual({ n: index });
        const other = signed[(index + 1) % secrets.length]!;
        expect(await rejection(verifyWebhook(other.body, other.headers, secret))).toBe('invalid_signature');
        expect(webhookKeys.size).toBeLessThanOrEqual(WEBHOOK_KEY_CACHE_LIMIT);
      }
    }
    expect(webhookKeys.size).toBe(WEBHOOK_KEY_CACHE_LIMIT);
  });

  it('shares one import between concurrent first calls', async () => {
    const cache = createWebhookKeyCache(2);
    const secret = secretOf(99);
    const [a, b] = await Promise.all([cache.key(secret), cache.key(secret)]);
    expect(a).toBe(b);
  });
});
