export const STORE_ERROR_CODES = [
  /** A store or key helper was created with unusable options. */
  'invalid_options',
  /** `keyFor` got an operation id it cannot use. */
  'invalid_operation_id',
  /** The shared store (Redis) failed or answered something it never answers: retry later. */
  'store_unavailable',
] as const;

export type StoreErrorCode = (typeof STORE_ERROR_CODES)[number];

/** A failure of a dedupe or idempotency-key store. `code` says why; the message says how to fix it. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
