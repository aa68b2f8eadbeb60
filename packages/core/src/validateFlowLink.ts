import { DotsFlowError } from './DotsFlowError.js';
import { isSecureFrameUrl } from './isLoopbackHost.js';
import { isTrustedOrigin } from './isTrustedOrigin.js';

/**
 * Checks a flow's `link` before it may become an iframe `src`: an absolute `https:` URL (plain
 * `http:` only on a loopback host, for the local sandbox) without credentials, whose origin is one
 * of `trustedOrigins`. Returns the parsed URL; use its `href` as the `src`.
 * Throws `DotsFlowError` with code `invalid_response` (not a URL) or `untrusted_link`.
 *
 * @example
 * validateFlowLink('https://my.dots.dev/flow/abc', frameOriginsFor('production')).href
 */
export function validateFlowLink(link: unknown, trustedOrigins: readonly string[]): URL {
  let url: URL | undefined;
  try {
    if (typeof link === 'string') url = new URL(link);
  } catch {
    // Reported below.
  }
  if (url === undefined) {
    throw new DotsFlowError(
      'invalid_response',
      process.env.NODE_ENV !== 'production'
        ? typeof link === 'string'
          ? `The flow's link ${quote(link)} is not an absolute URL. The flow endpoint must pass on Dots' "link" unchanged.`
          : `The flow's link is ${link === null ? 'null' : typeof link}, not a URL string. ` +
            'The flow endpoint must answer with the Dots flow object, whose "link" is the URL to frame.'
        : '',
    );
  }
  const secure = isSecureFrameUrl(url);
  if (!secure || url.username || url.password || !isTrustedOrigin(url.origin, trustedOrigins)) {
    throw new DotsFlowError(
      'untrusted_link',
      process.env.NODE_ENV !== 'production'
        ? !secure
          ? `Refusing to frame the flow link ${quote(link as string)}: only https: links are framed ` +
            '(plain http: only for a local sandbox on localhost, 127.0.0.1 or [::1] listed in environment.frameOrigins).'
          : url.username || url.password
            ? 'Refusing to frame a flow link that carries credentials (user:password@). Return the link exactly as Dots gives it.'
            : `Refusing to frame the flow link: its origin ${quote(url.origin)} is not trusted. If this origin serves your ` +
              `Dots flows, add its origin to environment.frameOrigins; otherwise check the environment ('sandbox' or 'production').`
        : '',
    );
  }
  return url;
}

function quote(value: string): string {
  return JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value);
}
