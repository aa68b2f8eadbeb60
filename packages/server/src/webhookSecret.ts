import { importWebhookKey } from './webhookHmac.js';
import type { WebhookKey } from './webhookHmac.js';
import { WebhookVerificationError } from './WebhookVerificationError.js';

const PREFIX = 'whsec_';
const MIN_KEY_BYTES = 16;
const MAX_KEY_BYTES = 256;

/**
 * Turns a Svix signing secret (`whsec_` + base64 key) into an HMAC-SHA256 key.
 * Anything else is refused, so a mistyped or empty environment variable fails loudly.
 */
export async function importWebhookSecret(secret: unknown): Promise<WebhookKey> {
  return importWebhookKey(decodeWebhookSecret(secret));
}

/** Checks and decodes a `whsec_` secret; throws `invalid_secret`. */
export function decodeWebhookSecret(secret: unknown): Uint8Array {
  const fix = 'Use the signing secret from your Dots/Svix webhook endpoint settings (it starts with "whsec_").';
  if (typeof secret !== 'string' || !secret.startsWith(PREFIX)) {
    throw new WebhookVerificationError('invalid_secret', `The webhook secret is not a "whsec_…" secret. ${fix}`);
  }
  const encoded = secret.slice(PREFIX.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) {
    throw new WebhookVerificationError('invalid_secret', `The webhook secret after "whsec_" is not base64. ${fix}`);
  }
  let binary: string;
  try {
    binary = atob(encoded);
  } catch {
    throw new WebhookVerificationError('invalid_secret', `The webhook secret after "whsec_" is not base64. ${fix}`);
  }
  if (binary.length < MIN_KEY_BYTES || binary.length > MAX_KEY_BYTES) {
    throw new WebhookVerificationError(
      'invalid_secret',
      `The webhook secret's key is ${binary.length} bytes; expected ${MIN_KEY_BYTES} to ${MAX_KEY_BYTES}. ${fix}`,
    );
  }
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}
