import type { Context } from 'hono';

export type RequestErrorStatus = 400 | 401 | 404 | 409 | 413 | 415;

/** A refused request: answered as `{ error: { code, message } }` with `status`. */
export class RequestError extends Error {
  constructor(
    readonly status: RequestErrorStatus,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The JSON object body's own string field `key` (trimmed unless `raw`), or `''`: never an inherited one. */
export async function readJsonFields(c: Context): Promise<(key: string, raw?: boolean) => string> {
  if (!/^application\/json\s*(;|$)/i.test(c.req.header('content-type') ?? '')) {
    throw new RequestError(415, 'unsupported_media_type', 'Send JSON with "Content-Type: application/json".');
  }
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new RequestError(400, 'invalid_json', 'The body is not valid JSON.');
  }
  return (key, raw = false) => {
    const value = typeof body === 'object' && body !== null ? Object.getOwnPropertyDescriptor(body, key)?.value : '';
    return typeof value !== 'string' ? '' : raw ? value : value.trim();
  };
}
