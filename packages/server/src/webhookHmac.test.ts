import { afterEach, describe, expect, it, vi } from 'vitest';
import { BODY, headers, NOW, OTHER_SECRET, SECRET } from './testing/svixExample.js';

/** A fresh copy of the package (nothing looked up yet) and its key cache. */
async function freshPackage() {
  vi.resetModules();
  const server = await import('./index.js');
  const { webhookKeys } = await import('./webhookKeyCache.js');
  return { server, webhookKeys };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.resetModules();
});

describe('finding node:crypto', () => {
  it('asks process.getBuiltinModule once, at the first verification, never when the package loads', async () => {
    const lookUp = vi.spyOn(process, 'getBuiltinModule');
    const { server, webhookKeys } = await freshPackage();
    expect(lookUp).not.toHaveBeenCalled();
    await expect(server.verifyWebhook(BODY, headers(), SECRET, { now: NOW })).resolves.toEqual({ test: 2432232314 });
    expect(await server.verifyWebhook(BODY, headers(), OTHER_SECRET, { now: NOW }).catch((e: Error) => e.name)).toBe(
      'WebhookVerificationError',
    );
    expect(lookUp.mock.calls).toEqual([['node:crypto']]);
    expect((await webhookKeys.key(SECRET)).kind).toBe('node');
  });

  it('falls back to WebCrypto where there is no usable node:crypto, with the same answers', async () => {
    const missing = [
      () => undefined,
      () => ({}),
      () => ({ createHmac: () => undefined }),
      () => {
        throw new Error('no builtins here');
      },
    ];
    for (const stand of missing) {
      vi.spyOn(process, 'getBuiltinModule').mockImplementation(stand as never);
      const { server, webhookKeys } = await freshPackage();
      await expect(server.verifyWebhook(BODY, headers(), SECRET, { now: NOW })).resolves.toEqual({ test: 2432232314 });
      await expect(server.verifyWebhook(BODY, headers(), OTHER_SECRET, { now: NOW })).rejects.toMatchObject({
        code: 'invalid_signature',
      });
      expect((await webhookKeys.key(SECRET)).kind).toBe('webcrypto');
      vi.restoreAllMocks();
    }
  });

  it('falls back to WebCrypto where process has no getBuiltinModule (Node < 20.16, edge runtimes)', async () => {
    const original = Object.getOwnPropertyDescriptor(process, 'getBuiltinModule');
    Object.defineProperty(process, 'getBuiltinModule', { value: undefined, configurable: true, writable: true });
    try {
      const { server, webhookKeys } = await freshPackage();
      await expect(server.verifyWebhook(BODY, headers(), SECRET, { now: NOW })).resolves.toEqual({ test: 2432232314 });
      expect((await webhookKeys.key(SECRET)).kind).toBe('webcrypto');
    } finally {
      if (original) Object.defineProperty(process, 'getBuiltinModule', original);
    }
  });
});
