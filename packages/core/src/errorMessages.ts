import type { DotsFlowErrorCode } from './DotsFlowError.js';

/**
 * What the person using the app reads for each error code: short, plain, and kept in production builds (the
 * developer's message with the cause and the fix is development-only). Translate by mapping `error.code` yourself.
 */
export const ERROR_MESSAGES: Readonly<Record<DotsFlowErrorCode, string>> = {
  backend_failed: 'This step could not load.',
  network: 'Could not connect. Check your connection.',
  invalid_response: 'This step cannot be shown.',
  untrusted_link: 'This step cannot be shown.',
  expired: 'This link has expired.',
  frame_timeout: 'This step could not load.',
  invalid_request: 'This step cannot be shown.',
  missing_provider: 'This step cannot be shown.',
};

/**
 * True for the codes a retry can fix (a network failure, a failing backend, a frame that did not load); the
 * others need a change in code or configuration, so offering "Try again" for them would only disappoint.
 */
export function isRetryable(code: DotsFlowErrorCode): boolean {
  return code === 'network' || code === 'backend_failed' || code === 'frame_timeout';
}
