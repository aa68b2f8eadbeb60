import type { Context } from 'hono';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 500;

/**
 * Every error code the sandbox answers with. `invalid-input` and `transaction-insufficient-funds` are Dots' own
 * (`docs/references/error-codes.mdx`);
 * Dots documents no code for the other cases, so those are the sandbox's kebab-case guesses.
 */
export const API_ERROR_CODES = [
  'invalid-input',
  'unauthorized',
  'forbidden',
  'not-found',
  'request-too-large',
  'unsupported-media-type',
  'authentication-required',
  'step-out-of-order',
  'step-already-completed',
  'transaction-insufficient-funds',
  'payout-link-closed',
  'internal-error',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/**
 * The sandbox's error body: `{ "error": { "code", "message", "field"? } }`, the message saying how to
 * fix it and `field` naming the offending input when there is one. Dots documents no error body for
 * flows; `@dots-flow/server` reads `error.message` from this shape.
 */
export function apiError(c: Context, status: ErrorStatus, code: ApiErrorCode, message: string, field?: string | null) {
  return c.json({ error: field ? { code, message, field } : { code, message } }, status);
}

/**
 * 413 for a body over `maxBytes`. The unread rest of the body is still on the wire, so the connection
 * is closed: kept alive, its leftover bytes would be read as the next request.
 */
export function bodyTooLarge(c: Context, maxBytes: number) {
  c.header('Connection', 'close');
  return apiError(c, 413, 'request-too-large', `The body must be at most ${maxBytes} bytes.`);
}
