/**
 * True when `origin` is exactly one of `trusted`. Exact string equality only: a prefix check
 * would accept `https://my.dots.dev.evil.com`. The opaque origin `'null'` is never trusted.
 */
export function isTrustedOrigin(origin: unknown, trusted: readonly string[]): boolean {
  if (typeof origin !== 'string' || origin === 'null') return false;
  try {
    for (const candidate of trusted) if (candidate === origin) return true;
  } catch {
    // A hostile allowlist (throwing iterator) trusts nothing.
  }
  return false;
}
