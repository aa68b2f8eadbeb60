/** A JSON answer that no cache keeps: flow links work like passwords. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...headers,
    },
  });
}

/** The error shape every dots-flow route answers with: `{ error: { code, message, ...details } }`. */
export function errorResponse(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
  details: Record<string, string> = {},
): Response {
  return jsonResponse(status, { error: { code, message, ...details } }, headers);
}

/** True when the request says its body is JSON (`application/json`, UTF-8 if a charset is given). */
export function isJsonContentType(value: string | null): boolean {
  if (value === null) return false;
  const [type = '', ...params] = value.split(';');
  if (type.trim().toLowerCase() !== 'application/json') return false;
  return params.every((param) => {
    const [name = '', raw = ''] = param.split('=');
    if (name.trim().toLowerCase() !== 'charset') return true;
    return /^"?utf-8"?$/i.test(raw.trim());
  });
}

/** The declared body length, or `undefined` when absent or not a plain number. */
export function declaredLength(request: Request): number | undefined {
  const value = request.headers.get('content-length');
  return value !== null && /^[0-9]{1,15}$/.test(value) ? Number(value) : undefined;
}
