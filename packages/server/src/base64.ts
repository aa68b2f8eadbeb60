const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Standard (RFC 4648 §4) base64 with padding, as Svix writes keys and signatures. */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Decodes standard base64. Returns `null` for anything that is not canonical, padded base64,
 * because a lenient decoder would let several spellings stand for the same bytes.
 */
export function decodeBase64(text: string): Uint8Array | null {
  if (!BASE64_PATTERN.test(text)) return null;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  // Unused low bits of the last character must be zero, or re-encoding would give another string.
  return encodeBase64(bytes) === text ? bytes : null;
}

/** Base64 of UTF-8 text (`btoa` alone throws on anything outside Latin-1). */
export function encodeBase64Utf8(text: string): string {
  return encodeBase64(new TextEncoder().encode(text));
}
