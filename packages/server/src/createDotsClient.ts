import { DOTS_API_URLS, parseFlow } from '@dots-flow/core';
import type { CreateFlowRequest, Flow } from '@dots-flow/core';
import { DotsApiError } from './DotsApiError.js';
import { encodeBase64Utf8 } from './base64.js';
import { sendDotsRequest } from './sendDotsRequest.js';
import type { DotsRequestConfig } from './sendDotsRequest.js';

export interface DotsClientOptions {
  /** Your Dots client id (the Basic auth user name). */
  clientId: string;
  /** Your Dots API key. Kept in a closure: never on the client object, never in an error. */
  apiKey: string;
  /** Which Dots API to call. Defaults to `'sandbox'`; ignored when `baseUrl` is given. */
  environment?: 'sandbox' | 'production';
  /** Another API base, e.g. the local sandbox `http://127.0.0.1:4010`. */
  baseUrl?: string;
  /** A `fetch` to use instead of the global one. */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /** Time allowed for each attempt, answer body included. Default 10 000 ms. */
  timeoutMs?: number;
  /** Extra attempts for a GET or a connection that failed before any answer. Default 2. */
  retries?: number;
}

export interface DotsCallOptions {
  signal?: AbortSignal;
}

/** A small typed client for the Dots flows API. */
export interface DotsClient {
  /** The API base requests go to, without a trailing slash. */
  readonly baseUrl: string;
  readonly flows: {
    /** `POST /api/v2/flows`: creates a flow and returns it. */
    create(request: CreateFlowRequest, options?: DotsCallOptions): Promise<Flow>;
    /** `GET /api/v2/flows/{id}`: the flow as Dots knows it now. */
    retrieve(id: string, options?: DotsCallOptions): Promise<Flow>;
  };
}

const FLOW_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/** True for a string that can be a Dots flow id (and is safe to put in a URL path). */
export function isFlowId(value: unknown): value is string {
  return typeof value === 'string' && FLOW_ID_PATTERN.test(value);
}

/**
 * Creates a Dots API client. Server-only: it holds your API key.
 *
 * @example
 * const dots = createDotsClient({ clientId: env.DOTS_CLIENT_ID, apiKey: env.DOTS_API_KEY, environment: 'production' });
 * const flow = await dots.flows.create({ steps: ['compliance'], user_id });
 */
export function createDotsClient(options: DotsClientOptions): DotsClient {
  const config = resolveConfig(options);

  const request = async (method: 'GET' | 'POST', path: string, body: unknown, signal?: AbortSignal) => {
    const value = await sendDotsRequest(config, { method, path, body, signal });
    try {
      return parseFlow(value);
    } catch (cause) {
      throw new DotsApiError(
        'invalid_response',
        `Dots API ${method} ${path} answered with something that is not a flow object. Is baseUrl pointing at the Dots API?`,
        { cause },
      );
    }
  };

  return {
    baseUrl: config.baseUrl,
    flows: {
      async create(flowRequest, callOptions) {
        if (typeof flowRequest !== 'object' || flowRequest === null || !Array.isArray(flowRequest.steps)) {
          throw new DotsApiError('invalid_request', 'flows.create needs a request object with a `steps` array.');
        }
        return request('POST', '/api/v2/flows', flowRequest, callOptions?.signal);
      },
      async retrieve(id, callOptions) {
        if (!isFlowId(id)) {
          throw new DotsApiError(
            'invalid_request',
            'flows.retrieve needs a flow id: 1 to 128 letters, digits, "-" or "_".',
          );
        }
        return request('GET', `/api/v2/flows/${id}`, undefined, callOptions?.signal);
      },
    },
  };
}

function resolveConfig(options: DotsClientOptions): DotsRequestConfig {
  if (typeof options !== 'object' || options === null) {
    throw invalid('createDotsClient needs an options object: { clientId, apiKey, environment | baseUrl }.');
  }
  const { clientId, apiKey } = options;
  if (typeof clientId !== 'string' || !/^[\x21-\x39\x3b-\x7e]+$/.test(clientId)) {
    throw invalid(
      'clientId must be a non-empty string of printable characters without ":" (from your Dots dashboard).',
    );
  }
  if (typeof apiKey !== 'string' || !/^[\x21-\x7e]+$/.test(apiKey)) {
    throw invalid('apiKey must be a non-empty string of printable characters (from your Dots dashboard).');
  }
  const timeoutMs = options.timeoutMs ?? 10_000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0 || timeoutMs > 2_147_483_647) {
    throw invalid('timeoutMs must be a positive number of milliseconds.');
  }
  const retries = options.retries ?? 2;
  if (!Number.isInteger(retries) || retries < 0 || retries > 10) {
    throw invalid('retries must be an integer from 0 to 10.');
  }
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw invalid('fetch must be a function with the signature of the global fetch.');
  }
  const token = encodeBase64Utf8(`${clientId}:${apiKey}`);
  const authorization = `Basic ${token}`;
  return {
    baseUrl: resolveBaseUrl(options),
    authorization,
    secrets: [apiKey, token, authorization],
    // Called through a wrapper so the global fetch never runs with a foreign `this`.
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    timeoutMs,
    retries,
  };
}

function resolveBaseUrl(options: DotsClientOptions): string {
  if (options.baseUrl === undefined) {
    const environment = options.environment ?? 'sandbox';
    if (environment !== 'sandbox' && environment !== 'production') {
      throw invalid(`environment must be 'sandbox' or 'production', not ${JSON.stringify(environment)}.`);
    }
    return DOTS_API_URLS[environment];
  }
  let url: URL;
  try {
    url = new URL(String(options.baseUrl));
  } catch {
    throw invalid('baseUrl must be an absolute URL such as https://api.dots.dev or http://127.0.0.1:4010.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalid('baseUrl must be an http(s) URL.');
  if (url.username || url.password) throw invalid('baseUrl must not contain credentials; pass clientId and apiKey.');
  if (url.search || url.hash) throw invalid('baseUrl must not have a query or a fragment.');
  return url.href.replace(/\/+$/, '');
}

function invalid(message: string): DotsApiError {
  return new DotsApiError('invalid_options', message);
}
