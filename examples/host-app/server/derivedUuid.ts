import { createHash } from 'node:crypto';

/**
 * A UUID derived from `parts` (name-based, like a version-5 UUID, over SHA-256): the same parts always
 * give the same id, different parts (however split) a different one. Idempotency keys are made from
 * the host operation this way, so a replay of the operation carries the key of the first attempt.
 */
export function derivedUuid(...parts: string[]): string {
  const bytes = createHash('sha256').update(JSON.stringify(parts)).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
