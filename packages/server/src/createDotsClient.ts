import { DotsApiError } from './DotsApiError.js';
import { encodeBase64Utf8 } from './base64.js';
import { resolveBaseUrl } from './resolveBaseUrl.js';
import { createFlowsResource } from './resources/flows.js';
import type { FlowsResource } from './resources/flows.js';
import { createTransfersResource } from './resources/transfers.js';
import type { TransfersResource } from './resources/transfers.js';
import { createUsersResource } from './resources/users.js';
import { createPayoutsResource } from './resources/payouts.js';
import type { PayoutsResource } from './resources/payouts.js';
import { createPayoutLinksResource } from './resources/payoutLinks.js';
import type { PayoutLinksResource } from './resources/payoutLinks.js';
import type { UsersResource } from './resources/users.js';
import { sendDotsRequest } from './sendDotsRequest.js';
import type { DotsRequest, DotsRequestConfig } from './sendDotsRequest.js';

export { isFlowId } from './dotsIds.js';
export type { DotsCallOptions } from './resources/dotsCall.js';

export interface DotsClientOptions {
  /** Your Dots client id (the Basic auth user name). */
  clientId: string;
  /** Your Dots API key. Kept in a closure: never on the client object, never in an error. */
  apiKey: string;
  /** Which Dots API to call: `https://pls.senddotssandbox.com/api` (default) or `https://api.dots.dev/api`. Ignored when `baseUrl` is given. */
  environment?: 'sandbox' | 'production';
  /**
   * Another API base. A bare origin means `<origin>/api` (the local sandbox's `http://127.0.0.1:4010`);
   * a base with a path (`https://pls.senddotssandbox.com/api`, a proxy's `https://proxy.example/dots/api`) is used as given.
   */
  baseUrl?: string;
  /** A `fetch` to use instead of the global one. */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /** Time allowed for each attempt, answer body included. Default 10 000 ms. */
  timeoutMs?: number;
  /**
   * Extra attempts, default 2: for a GET, a money call (it carries an `idempotency_key`, so Dots answers a
   * repeat with the first answer), or any request whose connection never opened. A POST without a key
   * (`users.create`, `flows.create`, `payoutLinks.redeliver`) or a DELETE that may have reached Dots is never repeated.
   */
  retries?: number;
}

/** A small typed client for the Dots API. */
export interface DotsClient {
  /** The API base requests go to (paths `/v2/...` below it), without a trailing slash. */
  readonly baseUrl: string;
  readonly flows: FlowsResource;
  readonly users: UsersResource;
  /** Money between your app's wallet and users'; `create` is idempotent, retries never pay twice. */
  readonly transfers: TransfersResource;
  /** Payouts from a user's wallet to their payout method; `create` is idempotent like `transfers.create`. */
  readonly payouts: PayoutsResource;
  /** Payout Links: a flow link that onboards a payee and pays them; `create` is idempotent. */
  readonly payoutLinks: PayoutLinksResource;
}

/**
 * Creates a Dots API client. Server-only: it holds your API key. Against Dots' own bases every id is
 * checked to be a UUID before it is sent; against another base, any URL-safe id.
 *
 * @example
 * const dots = createDotsClient({ clientId: env.DOTS_CLIENT_ID, apiKey: env.DOTS_API_KEY, environment: 'production' });
 * const flow = await dots.flows.create({ steps: ['compliance'], user_id });
 */
export function createDotsClient(options: DotsClientOptions): DotsClient {
  if (typeof options !== 'object' || options === null) {
    throw invalid('createDotsClient needs an options object: { clientId, apiKey, environment | baseUrl }.');
  }
  const { baseUrl, ids } = resolveBaseUrl(options);
  const config = resolveConfig(options, baseUrl);
  const call = (request: DotsRequest) => sendDotsRequest(config, request);
  return {
    baseUrl,
    flows: createFlowsResource(call, ids),
    users: createUsersResource(call, ids),
    transfers: createTransfersResource(call, ids),
    payouts: createPayoutsResource(call, ids),
    payoutLinks: createPayoutLinksResource(call, ids),
  };
}

function resolveConfig(options: DotsClientOptions, baseUrl: string): DotsRequestConfig {
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
    baseUrl,
    authorization,
    secrets: [apiKey, token, authorization],
    // Called through a wrapper so the global fetch never runs with a foreign `this`.
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    timeoutMs,
    retries,
  };
}

function invalid(message: string): DotsApiError {
  return new DotsApiError('invalid_options', message);
}
