import { decodeBase64 } from './base64.js';
import { readWebhookHeaders } from './readWebhookHeaders.js';
import type { WebhookHeaders } from './readWebhookHeaders.js';
import { anySignatureMatches } from './webhookHmac.js';
import type { WebhookKey } from './webhookHmac.js';
import { webhookKeys } from './webhookKeyCache.js';
import { WebhookVerificationError } from './WebhookVerificationError.js';

/** The raw request body exactly as received: never a parsed and re-serialised object. */
export type WebhookBody = string | Uint8Array | ArrayBuffer;

export interface VerifyWebhookOptions {
  /** The clock to check the timestamp against. Default: now. */
  now?: Date;
  /** How far the timestamp may be from `now`, either way. Default 300 (Svix's 5 minutes). */
  toleranceSeconds?: number;
}

/** A verified webhook: its JSON payload and the message id and timestamp it was signed with. */
export interface VerifiedWebhook {
  payload: Record<string, unknown>;
  id: string;
  timestamp: number;
}

const MAX_SIGNATURE_ENTRIES = 16;
// HMAC-SHA256 is 32 bytes: canonical padded base64 is 43 characters and one "=".
const SIGNATURE_PATTERN = /^v1,([A-Za-z0-9+/]{43}=)$/;

/**
 * Verifies a Dots (Svix) webhook and returns its parsed JSON payload, or throws a
 * {@link WebhookVerificationError} whose `code` says why it must not be trusted.
 *
 * @example
 * const event = await verifyWebhook(await request.text(), request.headers, process.env.DOTS_WEBHOOK_SECRET);
 */
export async function verifyWebhook(
  rawBody: WebhookBody,
  headers: WebhookHeaders,
  secret: string,
  options: VerifyWebhookOptions = {},
): Promise<Record<string, unknown>> {
  // The key is imported once per secret (and kept for a bounded few secrets): importing costs more than the HMAC.
  // On Node it is a node:crypto key, so the HMAC is computed synchronously (see webhookHmac.ts).
  return (await verifyWebhookMessage(rawBody, headers, await webhookKeys.key(secret), options)).payload;
}

/** {@link verifyWebhook} with an imported key, also returning the message id (for deduplication). */
export async function verifyWebhookMessage(
  rawBody: WebhookBody,
  headers: WebhookHeaders,
  key: WebhookKey,
  options: VerifyWebhookOptions = {},
): Promise<VerifiedWebhook> {
  const { nowSeconds, toleranceSeconds } = readOptions(options);
  const body = bodyBytes(rawBody);
  const { id, timestamp, signature } = readWebhookHeaders(headers);

  if (!/^[0-9]{1,12}$/.test(timestamp)) {
    throw new WebhookVerificationError(
      'invalid_timestamp',
      'The timestamp header must be whole seconds (digits only).',
    );
  }
  const seconds = Number(timestamp);
  if (nowSeconds - seconds > toleranceSeconds) {
    throw new WebhookVerificationError(
      'timestamp_too_old',
      `The webhook is more than ${toleranceSeconds} s old: a replay, or this server's clock is wrong.`,
    );
  }
  if (seconds - nowSeconds > toleranceSeconds) {
    throw new WebhookVerificationError(
      'timestamp_too_new',
      `The webhook is dated more than ${toleranceSeconds} s ahead: check this server's clock.`,
    );
  }

  // The headers are signed exactly as received, so "01614265330" is not "1614265330".
  const prefix = new TextEncoder().encode(`${id}.${timestamp}.`);
  const content = new Uint8Array(prefix.byteLength + body.byteLength);
  content.set(prefix);
  content.set(body, prefix.byteLength);

  if (!(await anySignatureMatches(key, signatureCandidates(signature), content))) {
    throw new WebhookVerificationError(
      'invalid_signature',
      'No v1 signature matches: the body was changed or re-serialised, or the secret is not this endpoint’s. Verify the raw body.',
    );
  }
  return { payload: parsePayload(body), id, timestamp: seconds };
}

/** The 32-byte `v1` signatures of a signature header; none if the list is not exactly what Svix writes. */
function signatureCandidates(header: string): Uint8Array[] {
  // Exactly what Svix writes: entries separated by single spaces, none empty.
  const entries = header.split(' ');
  if (entries.length > MAX_SIGNATURE_ENTRIES || entries.includes('')) return [];
  const candidates: Uint8Array[] = [];
  for (const entry of entries) {
    const encoded = SIGNATURE_PATTERN.exec(entry)?.[1];
    // decodeBase64 refuses non-canonical spellings, so a re-encoded signature never passes.
    const candidate = encoded === undefined ? null : decodeBase64(encoded);
    if (candidate !== null && candidate.byteLength === 32) candidates.push(candidate);
  }
  return candidates;
}

function readOptions(options: VerifyWebhookOptions): { nowSeconds: number; toleranceSeconds: number } {
  const now = options.now ?? new Date();
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new WebhookVerificationError('invalid_options', 'options.now must be a valid Date.');
  }
  const toleranceSeconds = options.toleranceSeconds ?? 300;
  if (typeof toleranceSeconds !== 'number' || !Number.isFinite(toleranceSeconds) || toleranceSeconds < 0) {
    throw new WebhookVerificationError('invalid_options', 'options.toleranceSeconds must be a number >= 0.');
  }
  return { nowSeconds: Math.floor(now.getTime() / 1000), toleranceSeconds };
}

function bodyBytes(rawBody: WebhookBody): Uint8Array {
  if (typeof rawBody === 'string') return new TextEncoder().encode(rawBody);
  if (rawBody instanceof Uint8Array) return rawBody;
  if (rawBody instanceof ArrayBuffer) return new Uint8Array(rawBody);
  throw new WebhookVerificationError(
    'invalid_payload',
    'Pass the raw request body (string, Buffer or Uint8Array), not a parsed object: re-serialised JSON never verifies.',
  );
}

function parsePayload(body: Uint8Array): Record<string, unknown> {
  let payload: unknown;
  try {
    payload = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body));
  } catch {
    throw new WebhookVerificationError('invalid_payload', 'The signed webhook body is not UTF-8 JSON.');
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new WebhookVerificationError('invalid_payload', 'The signed webhook body is not a JSON object.');
  }
  return payload as Record<string, unknown>;
}
