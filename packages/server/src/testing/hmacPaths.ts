import { afterAll, beforeAll, describe } from 'vitest';
import { forceWebCryptoForTests } from '../webhookHmac.js';
import { webhookKeys } from '../webhookKeyCache.js';

/** The two ways verifyWebhook computes an HMAC: node:crypto on Node, WebCrypto on edge runtimes. */
export const HMAC_PATHS = ['node:crypto', 'WebCrypto'] as const;
export type HmacPath = (typeof HMAC_PATHS)[number];

/** Makes keys imported from now on use `path`, and forgets cached keys of the other kind. */
export function selectHmacPath(path: HmacPath): void {
  forceWebCryptoForTests(path === 'WebCrypto');
  webhookKeys.clear();
}

/** `describe`, once per HMAC path: the same tests must pass on Node and on edge runtimes. */
export function describeOnBothHmacPaths(name: string, body: (path: HmacPath) => void): void {
  for (const path of HMAC_PATHS) {
    describe(`${name} [${path}]`, () => {
      beforeAll(() => selectHmacPath(path));
      afterAll(() => selectHmacPath('node:crypto'));
      body(path);
    });
  }
}
