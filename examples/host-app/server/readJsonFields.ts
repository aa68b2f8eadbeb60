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

/** Reads own fields of a JSON object body: strings (trimmed unless `raw`) and numbers. */
export interface JsonFields {
  /** The field `key` if it is the body's own string (trimmed unless `raw`), or `''`: never an inherited one. */
  (key: string, raw?: boolean): string;
  /** The field `key` if it is the body's own finite number, or `undefined`. */
  number(key: string): number | undefined;
}

/** The request's JSON object body as `JsonFields`; a 415 or 400 `RequestError` when it is not JSON. */
export async function readJsonFields(c: Context): Promise<JsonFields> {
  if (!/^application\/json\s*(;|$)/i.test(c.req.header('content-type') ?? '')) {
    throw new RequestError(415, 'unsupported_media_type', 'Send JSON with "Content-Type: application/json".');
  }
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new RequestError(400, 'invalid_json', 'The body is not valid JSON.');
  }
  const own = (key: string): unknown =>
    typeof body === 'object' && body !== null ? Object.getOwnPropertyDescriptor(body, key)?.value : undefined;
  const field = (key: string, raw = false) => {
    const value = own(key);
    return typeof value !== 'string' ? '' : raw ? value : value.trim();
  };
  return Object.assign(field, {
    number: (key: string) => {
      const value = own(key);
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    },
  });
}
