import { WebhookVerificationError } from './WebhookVerificationError.js';

/** Fetch `Headers`, or a plain object such as Node's `req.headers` (any letter case). */
export type WebhookHeaders =
  { get(name: string): string | null } | Readonly<Record<string, string | readonly string[] | undefined>>;

export interface WebhookHeaderValues {
  id: string;
  timestamp: string;
  signature: string;
}

const MAX_HEADER_LENGTH = 4096;

/**
 * Reads the id, timestamp and signature headers: the `svix-` set Dots sends, or the
 * Standard Webhooks `webhook-` set. The sets are never mixed.
 */
export function readWebhookHeaders(headers: WebhookHeaders): WebhookHeaderValues {
  if (typeof headers !== 'object' || headers === null) {
    throw new WebhookVerificationError('missing_headers', 'Pass the request headers (Fetch Headers or req.headers).');
  }
  for (const prefix of ['svix', 'webhook']) {
    const id = readHeader(headers, `${prefix}-id`);
    const timestamp = readHeader(headers, `${prefix}-timestamp`);
    const signature = readHeader(headers, `${prefix}-signature`);
    if (id === undefined && timestamp === undefined && signature === undefined) continue;
    if (id === undefined || timestamp === undefined || signature === undefined) {
      throw new WebhookVerificationError(
        'missing_headers',
        `Incomplete webhook headers: ${prefix}-id, ${prefix}-timestamp and ${prefix}-signature are all required.`,
      );
    }
    if (!/^[\x21-\x7e]{1,256}$/.test(id)) {
      throw new WebhookVerificationError('invalid_headers', `The ${prefix}-id header is not a message id.`);
    }
    return { id, timestamp, signature };
  }
  throw new WebhookVerificationError(
    'missing_headers',
    'No webhook signature headers (svix-id, svix-timestamp, svix-signature). Is this request from Dots?',
  );
}

function readHeader(headers: WebhookHeaders, name: string): string | undefined {
  if ('get' in headers && typeof headers.get === 'function') {
    return checked(headers.get(name) ?? undefined, name);
  }
  const record = headers as Readonly<Record<string, unknown>>;
  const found: unknown[] = [];
  for (const key of Object.keys(record)) {
    if (key.toLowerCase() === name && record[key] !== undefined) found.push(record[key]);
  }
  if (found.length === 0) return undefined;
  const values = found.flatMap((value) => (Array.isArray(value) ? value : [value]));
  if (values.length !== 1 || typeof values[0] !== 'string') {
    throw new WebhookVerificationError('invalid_headers', `The ${name} header must appear exactly once.`);
  }
  return checked(values[0], name);
}

function checked(value: string | undefined, name: string): string | undefined {
  if (value !== undefined && value.length > MAX_HEADER_LENGTH) {
    throw new WebhookVerificationError('invalid_headers', `The ${name} header is too long.`);
  }
  return value;
}
