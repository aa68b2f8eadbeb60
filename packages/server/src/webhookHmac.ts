// HMAC-SHA256 for webhook signatures. On Node, node:crypto computes it synchronously; WebCrypto answers
// through a promise that round-trips the thread pool, about five times slower per message. node:crypto is
// reached at run time through process.getBuiltinModule, never imported, so edge bundles carry no Node import.

/** The part of node:crypto used here, typed locally: nothing in this package imports node:crypto. */
interface NodeHmacModule {
  createSecretKey(key: Uint8Array): NodeSecretKey;
  createHmac(algorithm: 'sha256', key: NodeSecretKey): NodeHmac;
  timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean;
}
/** node:crypto's `KeyObject`, opaque here. */
interface NodeSecretKey {
  readonly type: string;
}
interface NodeHmac {
  update(data: Uint8Array): NodeHmac;
  digest(): Uint8Array;
}

type WebCryptoKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

/** An imported HMAC-SHA256 key: node:crypto's where the runtime has it, WebCrypto's elsewhere. */
export type WebhookKey =
  | { readonly kind: 'node'; readonly crypto: NodeHmacModule; readonly key: NodeSecretKey }
  | { readonly kind: 'webcrypto'; readonly key: WebCryptoKey };

// undefined until the first key is imported: nothing is looked up when the module loads.
let nodeCrypto: NodeHmacModule | null | undefined;
let webCryptoOnly = false;

/** Imports decoded key bytes (from `decodeWebhookSecret`) as a non-extractable HMAC-SHA256 key. */
export async function importWebhookKey(bytes: Uint8Array): Promise<WebhookKey> {
  if (!webCryptoOnly && nodeCrypto === undefined) nodeCrypto = findNodeCrypto();
  const node = webCryptoOnly ? null : nodeCrypto;
  if (node) return { kind: 'node', crypto: node, key: node.createSecretKey(bytes) };
  const key = await crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  return { kind: 'webcrypto', key };
}

/**
 * Whether any 32-byte candidate is the HMAC of `content`. Every candidate is compared, each in constant
 * time (timingSafeEqual, or WebCrypto's verify), so the answer's timing tells nothing about the secret.
 */
export function anySignatureMatches(
  key: WebhookKey,
  candidates: readonly Uint8Array[],
  content: Uint8Array,
): boolean | Promise<boolean> {
  if (candidates.length === 0) return false;
  if (key.kind === 'webcrypto') return anyVerifies(key.key, candidates, content);
  const expected = key.crypto.createHmac('sha256', key.key).update(content).digest();
  let matched = false;
  for (const candidate of candidates) {
    if (key.crypto.timingSafeEqual(candidate, expected)) matched = true;
  }
  return matched;
}

async function anyVerifies(key: WebCryptoKey, candidates: readonly Uint8Array[], content: Uint8Array) {
  let matched = false;
  for (const candidate of candidates) {
    if (await crypto.subtle.verify('HMAC', key, candidate, content)) matched = true;
  }
  return matched;
}

/** node:crypto if this runtime hands it out (Node >= 20.16, Bun, Deno with it), else null: WebCrypto is used. */
function findNodeCrypto(): NodeHmacModule | null {
  try {
    const { process } = globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } };
    const found = process?.getBuiltinModule?.('node:crypto') as Partial<NodeHmacModule> | undefined;
    const usable =
      typeof found?.createHmac === 'function' &&
      typeof found.createSecretKey === 'function' &&
      typeof found.timingSafeEqual === 'function';
    return usable ? (found as NodeHmacModule) : null;
  } catch {
    return null;
  }
}

/**
 * Tests only: makes keys imported from now on use WebCrypto even on Node (`true`), or the default (`false`).
 * Keys already imported keep their kind, so tests also empty the key cache.
 */
export function forceWebCryptoForTests(on: boolean): void {
  webCryptoOnly = on;
}
