import { DotsFlowError } from './DotsFlowError.js';
import { DOTS_FRAME_ORIGINS } from './environments.js';
import { freeze } from './freeze.js';
import { isSecureFrameUrl } from './isLoopbackHost.js';
import type { DotsEnvironment } from './types.js';

/**
 * The origins a flow frame may be served from in `environment`: Dots' own for `'production'` and
 * `'sandbox'`, or a frozen, validated copy of `{ frameOrigins }` (for the local sandbox, say).
 * Throws `DotsFlowError('invalid_request')` for anything else.
 * Each custom origin is checked only outside production builds: that check helps developers, it is not
 * what keeps the frame safe (`validateFlowLink` frames only https:/loopback links from a listed origin, and an
 * entry that is not a serialised origin can never equal a message's origin).
 *
 * @example
 * frameOriginsFor({ frameOrigins: ['http://127.0.0.1:4010'] }) // ['http://127.0.0.1:4010']
 */
export function frameOriginsFor(environment: DotsEnvironment): readonly string[] {
  if (environment === 'production' || environment === 'sandbox') return DOTS_FRAME_ORIGINS[environment];
  let origins: unknown;
  try {
    origins = (environment as { frameOrigins?: unknown } | null)?.frameOrigins;
  } catch {
    // A throwing getter is as unusable as a missing list.
  }
  if (!Array.isArray(origins) || origins.length === 0) {
    throw new DotsFlowError(
      'invalid_request',
      process.env.NODE_ENV !== 'production'
        ? `Unknown Dots environment ${describe(environment)}. Use 'sandbox', 'production' or { frameOrigins: ['https://…'] }.`
        : '',
    );
  }
  return freeze(process.env.NODE_ENV !== 'production' ? Array.from(origins, checkedOrigin) : [...origins]);
}

function checkedOrigin(origin: unknown): string {
  let url: URL | undefined;
  try {
    url = new URL(origin as string);
  } catch {
    // Reported below.
  }
  // A serialised origin round-trips exactly: no path, no trailing slash, no wildcard, no credentials.
  const ok = typeof origin === 'string' && url?.origin === origin && !origin.includes('*') && isSecureFrameUrl(url);
  if (ok) return origin;
  throw new DotsFlowError(
    'invalid_request',
    process.env.NODE_ENV !== 'production'
      ? `environment.frameOrigins contains ${describe(origin)}, which is not usable: ${
          typeof origin !== 'string' || origin === 'null'
            ? 'it is not an origin string'
            : url === undefined
              ? 'it is not an absolute URL'
              : origin.includes('*')
                ? 'wildcards are not supported, list each origin'
                : url.origin !== origin
                  ? `write it as its serialised origin, ${JSON.stringify(url.origin)}`
                  : 'flow frames must be served over https: (http: only on localhost, 127.0.0.1 or [::1])'
        }. Each entry must be a bare origin like 'https://my.dots.dev' (scheme, host and port; no path or trailing slash).`
      : '',
  );
}

function describe(value: unknown): string {
  try {
    return typeof value === 'string' ? JSON.stringify(value) : typeof value === 'object' ? 'an object' : String(value);
  } catch {
    return 'an unreadable value';
  }
}
