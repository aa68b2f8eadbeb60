import { DotsApiError } from './DotsApiError.js';
import { errorResponse } from './jsonResponse.js';

/**
 * The route's answer to a failure while `action` (e.g. "creating the flow"). A request Dots refused (a 4xx
 * other than for the server's own credentials or rate) is the caller's to fix: 400 `dots_rejected` with
 * Dots' reason. Only Dots being down or unreachable asks to try again later.
 */
export function flowRouteFailure(error: unknown, action: string): Response {
  if (!(error instanceof DotsApiError)) {
    return errorResponse(500, 'internal_error', `The server failed while ${action}.`);
  }
  switch (error.code) {
    case 'bad_request':
    case 'not_found': {
      const reason = error.dotsMessage ?? `HTTP ${error.status ?? 400} without a message`;
      const code = error.dotsCode ? ` (${error.dotsCode})` : '';
      return errorResponse(
        400,
        'dots_rejected',
        `Dots refused the request while ${action}${code}: ${reason}`,
        {},
        error.dotsCode ? { dots_code: error.dotsCode } : {},
      );
    }
    case 'timeout':
      return errorResponse(504, 'dots_timeout', `Dots did not answer in time while ${action}. Try again.`);
    case 'rate_limited':
      return errorResponse(503, 'dots_rate_limited', `Dots is limiting this server's requests. Try again in a minute.`);
    case 'unauthorized':
      return errorResponse(
        500,
        'dots_auth_failed',
        `Dots refused this server's credentials while ${action}: its clientId, apiKey or environment is wrong.`,
      );
    // The server's own arguments (resolveUser's dotsUserId, the host metadata) failed the client's checks.
    case 'invalid_request':
    case 'invalid_options':
      return errorResponse(500, 'internal_error', `The server failed while ${action}.`);
    default:
      return errorResponse(502, 'dots_unavailable', `Dots failed while ${action}. Try again later.`);
  }
}
