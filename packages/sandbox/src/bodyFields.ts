/** Small readers shared by the create-request validators. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `record[key]` only when it is the record's own field (never `__proto__` or inherited ones). */
export const own = (record: Record<string, unknown>, key: string): unknown =>
  Object.hasOwn(record, key) ? record[key] : undefined;

export type Validation<T> = { ok: true; value: T } | { ok: false; message: string; field: string | null };

export const fail = <T>(message: string, field: string | null): Validation<T> => ({ ok: false, message, field });

/** The first field of `body` not in `known`, for strict mode. */
export const unknownField = (body: Record<string, unknown>, known: readonly string[]): string | undefined =>
  Object.keys(body).find((key) => !known.includes(key));

/** `metadata` as the spec types it on users and transfers: a string, an object or `null`. */
export function readMetadata(value: unknown): { ok: true; value: string | Record<string, unknown> | null } | null {
  if (value === undefined || value === null) return { ok: true, value: null };
  if (typeof value === 'string' || isRecord(value)) return { ok: true, value };
  return null;
}
