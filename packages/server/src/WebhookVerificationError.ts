export const WEBHOOK_VERIFICATION_ERROR_CODES = [
  /** No complete `svix-*` (or `webhook-*`) id/timestamp/signature header set. */
  'missing_headers',
  /** A header is present but unusable: duplicated, too long, or an id with odd characters. */
  'invalid_headers',
  /** The timestamp header is not a plain number of seconds (digits only). */
  'invalid_timestamp',
  /** Older than the tolerance: maybe a replay. */
  'timestamp_too_old',
  /** Further in the future than the tolerance. */
  'timestamp_too_new',
  /** No `v1,` entry of the signature header matches the body. */
  'invalid_signature',
  /** The secret is not a `whsec_…` Svix signing secret. */
  'invalid_secret',
  /** Signed, but not a UTF-8 JSON object, or not passed as the raw body. */
  'invalid_payload',
  /** `verifyWebhook` was called with unusable options. */
  'invalid_options',
] as const;

export type WebhookVerificationErrorCode = (typeof WEBHOOK_VERIFICATION_ERROR_CODES)[number];

/** A webhook that must not be trusted. `code` says why; the message says how to fix it. */
export class WebhookVerificationError extends Error {
  override readonly name = 'WebhookVerificationError';
  readonly code: WebhookVerificationErrorCode;

  constructor(code: WebhookVerificationErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
