import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * True when `header` is `Basic base64(clientId:apiKey)` with exactly these credentials.
 * Malformed headers (other schemes, bad base64, no colon) are simply not a match.
 */
export function checkBasicAuth(header: string | undefined, clientId: string, apiKey: string): boolean {
  const match = /^Basic +([A-Za-z0-9+/]+={0,2}) *$/i.exec(header ?? '');
  if (!match?.[1]) return false;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return false;
  // Compare digests so the comparison takes the same time whatever the lengths.
  const idOk = timingSafeEqual(digest(decoded.slice(0, colon)), digest(clientId));
  const keyOk = timingSafeEqual(digest(decoded.slice(colon + 1)), digest(apiKey));
  return idOk && keyOk;
}

/** The `Authorization` header value for these credentials. */
export function basicAuthHeader(clientId: string, apiKey: string): string {
  return `Basic ${Buffer.from(`${clientId}:${apiKey}`, 'utf8').toString('base64')}`;
}
