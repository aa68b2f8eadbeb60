import type { Context } from 'hono';

export type ErrorStatus = 400 | 401 | 404 | 409 | 410 | 413 | 415 | 500;

/** The sandbox's error body: `{ "error": { "code", "message" } }`, the message saying how to fix it. */
export function apiError(c: Context, status: ErrorStatus, code: string, message: string, field?: string | null) {
  return c.json({ error: field ? { code, message, field } : { code, message } }, status);
}
