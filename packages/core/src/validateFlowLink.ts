import { DotsFlowError } from './DotsFlowError.js';
import { isLoopbackHost } from './isLoopbackHost.js';
import { isTrustedOrigin } from './isTrustedOrigin.js';

/**
 * Checks a flow's `link` before it goes into an iframe and returns it parsed (use `url.href` as the
 * iframe `src`). Throws `DotsFlowError`: `'invalid_response'` when `link` is not an absolute URL
 * string, `'untrusted_link'` when it is not an `https:` URL on a trusted origin (plain `http:` only
 * for a trusted loopback origin such as the local sandbox), or carries credentials.
 *
 * @example
 * validateFlowLink(flow.link, frameOriginsFor('sandbox')).href
 */
export function validateFlowLink(link: unknown, trustedOrigins: readonly string[]): URL {
  if (typeof link !== 'string') {
    throw new DotsFlowError(
      'invalid_response',
      `The flow's link is ${link === null ? 'null' : typeof link}, not a URL string. ` +
        'The flow endpoint must answer with the Dots flow object, whose "link" is the URL to frame.',
    );
  }
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw new DotsFlowError(
      'invalid_response',
      `The flow's link ${quote(link)} is not an absolute URL. The flow endpoint must pass on Dots' "link" unchanged.`,
    );
  }
  const isLocalHttp = url.protocol === 'http:' && isLoopbackHost(url.hostname);
  if (url.protocol !== 'https:' && !isLocalHttp) {
    throw new DotsFlowError(
      'untrusted_link',
      `Refusing to frame the flow link ${quote(link)}: only https: links are framed ` +
        '(plain http: only for a local sandbox on localhost, 127.0.0.1 or [::1] listed in environment.frameOrigins).',
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new DotsFlowError(
      'untrusted_link',
      'Refusing to frame a flow link that carries credentials (user:password@). Return the link exactly as Dots gives it.',
    );
  }
  if (!isTrustedOrigin(url.origin, trustedOrigins)) {
    throw new DotsFlowError(
      'untrusted_link',
      `Refusing to frame the flow link: its origin ${quote(url.origin)} is not trusted. If this origin serves your ` +
        `Dots flows, add its origin to environment.frameOrigins; otherwise check the environment ('sandbox' or 'production').`,
    );
  }
  return url;
}

/** Quotes a value for an error message, cut short so a huge link cannot flood logs. */
function quote(value: string): string {
  return JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value);
}
