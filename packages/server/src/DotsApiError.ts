export const DOTS_API_ERROR_CODES = [
  /** `createDotsClient` was given unusable options. */
  'invalid_options',
  /** The call was refused before anything was sent (a malformed flow id or request). */
  'invalid_request',
  /** Dots answered 400 or 422 (or another 4xx not listed here): it refused the request; see `dotsCode`/`dotsMessage`. */
  'bad_request',
  /** Dots answered 401 or 403: check `clientId` and `apiKey` (and the environment). */
  'unauthorized',
  /** Dots answered 404. */
  'not_found',
  /** Dots answered 429. */
  'rate_limited',
  /** Dots answered 5xx. */
  'server_error',
  /** Dots answered a status outside 2xx and 4xx-5xx, e.g. a redirect (never followed). */
  'http_error',
  /** Dots answered 2xx with a body that is not the documented flow object. */
  'invalid_response',
  /** No answer within `timeoutMs`. */
  'timeout',
  /** The request never got an answer (DNS, refused or reset connection). */
  'network',
  /** The caller's `signal` aborted the call. */
  'aborted',
] as const;

export type DotsApiErrorCode = (typeof DOTS_API_ERROR_CODES)[number];

/**
 * A failed call to the Dots API. `code` is for branching, `status` is Dots' HTTP status when it
 * answered, `dotsCode` and `dotsMessage` come from Dots' error body (Dots' codes are kebab-case, e.g.
 * `invalid-input`, `docs/references/error-codes.mdx`). Never contains the API key or the Authorization
 * header, so it is safe to log.
 */
export class DotsApiError extends Error {
  override readonly name = 'DotsApiError';
  readonly code: DotsApiErrorCode;
  readonly status: number | undefined;
  readonly dotsCode: string | undefined;
  readonly dotsMessage: string | undefined;

  constructor(
    code: DotsApiErrorCode,
    message: string,
    options: { status?: number; dotsCode?: string; dotsMessage?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status;
    this.dotsCode = options.dotsCode;
    this.dotsMessage = options.dotsMessage;
  }

  /** What `JSON.stringify` shows: the public fields only, never the `cause`. */
  toJSON(): {
    name: string;
    code: DotsApiErrorCode;
    status: number | undefined;
    dotsCode: string | undefined;
    message: string;
  } {
    return { name: this.name, code: this.code, status: this.status, dotsCode: this.dotsCode, message: this.message };
  }
}

/** The error code for a non-2xx status from Dots. */
export function codeForStatus(status: number): DotsApiErrorCode {
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server_error';
  // 408 is a timeout on Dots' side, not a refusal of the request's content.
  if (status >= 400 && status !== 408) return 'bad_request';
  return 'http_error';
}
