import type { Context } from 'hono';

/** The request body parsed as JSON; `undefined` for an empty body, a `SyntaxError` marker when malformed. */
export async function readJsonBody(c: Context): Promise<{ ok: true; body: unknown } | { ok: false }> {
  const text = await c.req.text();
  if (text.trim() === '') return { ok: true, body: undefined };
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
