import { DotsFlowError } from './DotsFlowError.js';
import { DOTS_FRAME_ORIGINS } from './environments.js';
import { isLoopbackHost } from './isLoopbackHost.js';
import type { DotsEnvironment } from './types.js';

const HINT = "Use 'sandbox', 'production' or { frameOrigins: ['https://…'] }.";

/**
 * The origins a flow frame may be served from in `environment`: Dots' own for `'production'` and
 * `'sandbox'`, or a frozen, validated copy of `{ frameOrigins }` (for the local sandbox, say).
 * Throws `DotsFlowError('invalid_request')` for anything else.
 *
 * @example
 * frameOriginsFor({ frameOrigins: ['http://127.0.0.1:4010'] }) // ['http://127.0.0.1:4010']
 */
export function frameOriginsFor(environment: DotsEnvironment): readonly string[] {
  if (environment === 'production' || environment === 'sandbox') return DOTS_FRAME_ORIGINS[environment];
  let origins: unknown;
  try {
    origins = typeof environment === 'object' && environment !== null ? environment.frameOrigins : undefined;
  } catch {
    origins = undefined;
  }
  if (!Array.isArray(origins) || origins.length === 0) {
    throw new DotsFlowError('invalid_request', `Unknown Dots environment ${describe(environment)}. ${HINT}`);
  }
  return Object.freeze(Array.from(origins as unknown[], checkedOrigin));
}

function checkedOrigin(origin: unknown): string {
  if (typeof origin !== 'string' || origin === 'null') throw invalidOrigin(origin, 'it is not an origin string');
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw invalidOrigin(origin, 'it is not an absolute URL');
  }
  // WHATWG URLs allow '*' in a host; matching is exact, so a wildcard would silently match nothing.
  if (url.hostname.includes('*')) throw invalidOrigin(origin, 'wildcards are not supported, list each origin');
  if (url.origin !== origin)
    throw invalidOrigin(origin, `write it as its serialised origin, ${JSON.stringify(url.origin)}`);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw invalidOrigin(origin, 'flow frames must be served over https: (http: only on localhost, 127.0.0.1 or [::1])');
  }
  return origin;
}

function invalidOrigin(origin: unknown, reason: string): DotsFlowError {
  return new DotsFlowError(
    'invalid_request',
    `environment.frameOrigins contains ${describe(origin)}, which is not usable: ${reason}. ` +
      "Each entry must be a bare origin like 'https://my.dots.dev' (scheme, host and port; no path or trailing slash).",
  );
}

function describe(value: unknown): string {
  try {
    return typeof value === 'string' ? JSON.stringify(value) : typeof value === 'object' ? 'an object' : String(value);
  } catch {
    return 'an unreadable value';
  }
}
