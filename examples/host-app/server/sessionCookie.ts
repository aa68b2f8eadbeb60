import { createHash, randomBytes } from 'node:crypto';

/** The host app's own session cookie. It names a session, never a Dots user. */
export const SESSION_COOKIE = 'host_session';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** A fresh unguessable session token (32 random bytes, base64url). */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The store keeps only this hash, so a leaked store file signs nobody in. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** The well-formed session token in a `Cookie` header, if any. */
export function readSessionToken(cookieHeader: string | null): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const index = part.indexOf('=');
    if (index === -1 || part.slice(0, index).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(index + 1).trim();
    return TOKEN.test(value) ? value : undefined;
  }
  return undefined;
}

// HttpOnly: scripts never see it. SameSite=Lax: other sites cannot send it with their POSTs.
// No Secure flag because the example runs on plain http://127.0.0.1; add it behind HTTPS.
const ATTRIBUTES = 'Path=/; HttpOnly; SameSite=Lax';

export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}; ${ATTRIBUTES}; Max-Age=${60 * 60 * 24 * 30}`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; ${ATTRIBUTES}; Max-Age=0`;
}
