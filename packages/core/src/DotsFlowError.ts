import { ERROR_MESSAGES } from './errorMessages.js';

export const DOTS_FLOW_ERROR_CODES = [
  'backend_failed',
  'network',
  'invalid_response',
  'untrusted_link',
  'expired',
  'frame_timeout',
  'invalid_request',
  'missing_provider',
] as const;

export type DotsFlowErrorCode = (typeof DOTS_FLOW_ERROR_CODES)[number];

/**
 * The one error type dots-flow raises in the browser. `code` is stable and meant for
 * branching; `message` says what went wrong and how to fix it.
 *
 * @example
 * if (error instanceof DotsFlowError && error.code === 'untrusted_link') reportMisconfig(error)
 */
export class DotsFlowError extends Error {
  override readonly name = 'DotsFlowError';
  declare readonly code: DotsFlowErrorCode;
  /** HTTP status of the host backend's answer, when there was one. */
  declare readonly status: number | undefined;

  /** An empty `message` (production builds drop the long ones) becomes the code's short human one (`ERROR_MESSAGES`). */
  constructor(code: DotsFlowErrorCode, message?: string, options?: { cause?: unknown; status?: number }) {
    // Error reads only `cause` from its options, and an undefined cause is left out entirely.
    super(message || ERROR_MESSAGES[code], options?.cause === undefined ? undefined : options);
    this.code = code;
    this.status = options?.status;
  }
}

/** True for a `DotsFlowError`, also one from another copy of this package. Never throws. */
export function isDotsFlowError(value: unknown): value is DotsFlowError {
  try {
    if (value instanceof DotsFlowError) return true;
    return (
      value instanceof Error && value.name === 'DotsFlowError' && typeof (value as { code?: unknown }).code === 'string'
    );
  } catch {
    return false;
  }
}
