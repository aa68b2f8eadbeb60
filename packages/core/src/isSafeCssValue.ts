/**
 * True for a short colour or length made only of harmless characters: no `;`, braces, quotes, comments, `url(`,
 * `var(`, `expression(` or `image-set(`, so a value can never reach beyond its own property. The same rule as the
 * sandbox flow page's (`packages/sandbox/page/flowStyles.js`), so what the frame drops the wrapper drops too.
 */
export function isSafeCssValue(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.length > 64) return false;
  if (!/^[#a-zA-Z0-9 .,%()/+-]+$/.test(trimmed) || trimmed.includes('/*')) return false;
  return !/(url|var|attr|expression|image|image-set|env|element|paint)\s*\(/i.test(trimmed);
}
