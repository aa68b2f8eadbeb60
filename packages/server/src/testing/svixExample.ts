import { expect } from 'vitest';
import { verifyWebhook } from '../verifyWebhook.js';
import type { WebhookBody } from '../verifyWebhook.js';
import { WebhookVerificationError } from '../WebhookVerificationError.js';
import type { WebhookVerificationErrorCode } from '../WebhookVerificationError.js';

// Svix's published example (docs.svix.com, "Verifying payloads manually").
export const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
export const ID = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
export const TIMESTAMP = '1614265330';
export const BODY = '{"test": 2432232314}';
export const SIGNATURE = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';
export const NOW = new Date(Number(TIMESTAMP) * 1000);
export const OTHER_SECRET = 'whsec_' + Buffer.alloc(24, 7).toString('base64');

/** The example's svix-* headers, with some replaced or (undefined) removed. */
export const headers = (overrides: Record<string, string | undefined> = {}): Record<string, string> => {
  const all: Record<string, string | undefined> = {
    'svix-id': ID,
    'svix-timestamp': TIMESTAMP,
    'svix-signature': SIGNATURE,
    ...overrides,
  };
  return Object.fromEntries(Object.entries(all).filter(([, value]) => value !== undefined)) as Record<string, string>;
};

/** Awaits a verification that must fail and returns its error code. */
export async function rejection(promise: Promise<unknown>): Promise<WebhookVerificationErrorCode> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookVerificationError);
    return (error as WebhookVerificationError).code;
  }
  throw new Error('expected a rejection, but the webhook verified');
}

/** verifyWebhook with the example's secret and clock unless given others. */
export const verify = (body: WebhookBody, hdrs: Parameters<typeof verifyWebhook>[1], secret = SECRET, now = NOW) =>
  verifyWebhook(body, hdrs, secret, { now });
