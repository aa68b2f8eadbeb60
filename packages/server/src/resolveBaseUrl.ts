import { DOTS_API_URLS } from '@dots-flow/core';
import { DotsApiError } from './DotsApiError.js';
import { DOTS_ID_RULE, LOOSE_ID_RULE } from './dotsIds.js';
import type { IdRule } from './dotsIds.js';

export interface ResolvedBase {
  /** The API base, paths `/v2/...` go below it; no trailing slash. */
  baseUrl: string;
  /** Dots' own bases take UUIDs only. */
  ids: IdRule;
}

/**
 * Picks the API base: Dots' documented base for `environment` (`docs/overview/environments.mdx`), or
 * `baseUrl`. A bare origin such as the local sandbox's `http://127.0.0.1:4010` means `<origin>/api`,
 * where Dots and the sandbox serve the API; a base with a path is used as given.
 */
export function resolveBaseUrl(options: { environment?: unknown; baseUrl?: unknown }): ResolvedBase {
  if (options.baseUrl === undefined) {
    const environment = options.environment === undefined ? 'sandbox' : options.environment;
    if (environment !== 'sandbox' && environment !== 'production') {
      throw invalid(`environment must be 'sandbox' or 'production', not ${JSON.stringify(environment)}.`);
    }
    return { baseUrl: DOTS_API_URLS[environment], ids: DOTS_ID_RULE };
  }
  let url: URL;
  try {
    url = new URL(String(options.baseUrl));
  } catch {
    throw invalid(
      'baseUrl must be an absolute URL such as https://pls.senddotssandbox.com/api or http://127.0.0.1:4010.',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalid('baseUrl must be an http(s) URL.');
  if (url.username || url.password) throw invalid('baseUrl must not contain credentials; pass clientId and apiKey.');
  if (url.search || url.hash) throw invalid('baseUrl must not have a query or a fragment.');
  const path = url.pathname.replace(/\/+$/, '');
  if (/\/v2(\/|$)/i.test(path)) {
    throw invalid(`baseUrl is the API base without the version: ${url.origin}${path.replace(/\/v2(\/.*)?$/i, '')}.`);
  }
  const baseUrl = `${url.origin}${path === '' ? '/api' : path}`;
  const isDots = Object.values(DOTS_API_URLS).includes(baseUrl as (typeof DOTS_API_URLS)['sandbox']);
  return { baseUrl, ids: isDots ? DOTS_ID_RULE : LOOSE_ID_RULE };
}

function invalid(message: string): DotsApiError {
  return new DotsApiError('invalid_options', message);
}
