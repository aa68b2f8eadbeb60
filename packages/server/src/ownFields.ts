/** The result of checking untrusted input: a fresh value, or a code and a message saying how to fix it. */
export type Checked<T, Code extends string = string> =
  { ok: true; value: T } | { ok: false; code: Code; message: string };

/** A plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads an own property only, so `__proto__` or inherited keys never count. */
export function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
