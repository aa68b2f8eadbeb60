/**
 * True when `origin` is exactly one of `trusted`. Exact string equality only: a prefix check
 * would accept `https://my.dots.dev.evil.com`. The opaque origin `'null'` is never trusted.
 */
export function isTrustedOrigin(origin: unknown, trusted: readonly string[]): boolean {
  // `includes` compares with SameValueZero: only the listed strings themselves match.
  return typeof origin === 'string' && origin !== 'null' && Array.isArray(trusted) && trusted.includes(origin);
}
