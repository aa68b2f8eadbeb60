import { encodeBase64 } from './base64.js';
import { decodeWebhookSecret } from './webhookSecret.js';

export interface SignTestWebhookOptions {
  /** The message id (`svix-id`). Default: a random `msg_…`. */
  id?: string;
  /** When it was sent, as a Date or Unix seconds. Default: now. */
  timestamp?: Date | number;
}

export interface SignedTestWebhook {
  /** The raw body to send: exactly the bytes that were signed. */
  body: string;
  headers: { 'content-type': string; 'svix-id': string; 'svix-timestamp': string; 'svix-signature': string };
}

/**
 * Signs a payload the way Dots (through Svix) does, so you can test your own webhook route.
 * A string payload is sent as is; anything else is `JSON.stringify`-ed.
 *
 * @example
 * const { body, headers } = await signTestWebhook({ event: 'flow.updated', flow_id }, secret);
 * await fetch('http://127.0.0.1:3000/api/dots/webhooks', { method: 'POST', body, headers });
 */
export async function signTestWebhook(
  payload: unknown,
  secret: string,
  options: SignTestWebhookOptions = {},
): Promise<SignedTestWebhook> {
  // WebCrypto on every runtime: a signer independent of the node:crypto path verifyWebhook takes on Node.
  const keyBytes = decodeWebhookSecret(secret);
  const key = await crypto.subtle.importKey('raw', keyBytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  if (typeof body !== 'string') throw new TypeError('signTestWebhook needs a JSON-serialisable payload or a string.');
  const id = options.id ?? randomMessageId();
  const timestamp = String(toSeconds(options.timestamp ?? new Date()));
  const signature = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${id}.${timestamp}.${body}`));
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'svix-id': id,
      'svix-timestamp': timestamp,
      'svix-signature': `v1,${encodeBase64(new Uint8Array(signature))}`,
    },
  };
}

function toSeconds(timestamp: Date | number): number {
  const seconds = timestamp instanceof Date ? Math.floor(timestamp.getTime() / 1000) : timestamp;
  if (!Number.isSafeInteger(seconds) || seconds < 0) {
    throw new TypeError('signTestWebhook: timestamp must be a valid Date or whole Unix seconds >= 0.');
  }
  return seconds;
}

function randomMessageId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `msg_${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
