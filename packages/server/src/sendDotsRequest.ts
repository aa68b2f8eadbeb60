import { DotsApiError } from './DotsApiError.js';
import { BodyTooLargeError, readBodyWithLimit } from './readBodyWithLimit.js';
import { describeDotsError, redactSecrets } from './describeDotsError.js';

/** Everything a request needs that `createDotsClient` fixed once. */
export interface DotsRequestConfig {
  baseUrl: string;
  authorization: string;
  /** Strings that must never appear in an error (the API key, the Authorization value). */
  secrets: readonly string[];
  fetch: (input: string, init: RequestInit) => Promise<Response>;
  timeoutMs: number;
  retries: number;
}

export interface DotsRequest {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** The body carries an `idempotency_key`: Dots answers a repeat with the first answer, so any failure may be retried. */
  idempotent?: boolean;
}

const MAX_RESPONSE_BYTES = 1024 * 1024;
const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

type Attempt = { ok: true; value: unknown } | { ok: false; error: DotsApiError; retryable: boolean };

/**
 * Sends one logical request to Dots and returns the parsed JSON body of a 2xx answer.
 * Retries only where repeating cannot do harm: a GET or an idempotent POST (same `idempotency_key`
 * on every attempt), or any request whose connection never opened (refused, no DNS answer). Any other
 * POST or DELETE that may have reached Dots (timed out, connection broken, answered) is never sent twice:
 * a repeated `users.create` would make a second user.
 */
export async function sendDotsRequest(config: DotsRequestConfig, request: DotsRequest): Promise<unknown> {
  for (let attempt = 0; ; attempt += 1) {
    const result = await attemptOnce(config, request);
    if (result.ok) return result.value;
    if (!result.retryable || attempt >= config.retries) throw result.error;
    await backoff(attempt, request.signal);
  }
}

async function attemptOnce(config: DotsRequestConfig, request: DotsRequest): Promise<Attempt> {
  const { method, path, signal } = request;
  const repeatable = method === 'GET' || request.idempotent === true;
  if (signal?.aborted) return { ok: false, error: abortedError(method, path, signal.reason), retryable: false };

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, config.timeoutMs);
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  const stopped = (): DotsApiError | undefined => {
    if (signal?.aborted) return abortedError(method, path, signal.reason);
    if (timedOut) {
      return new DotsApiError('timeout', `Dots API ${method} ${path} got no answer within ${config.timeoutMs} ms.`);
    }
    return undefined;
  };

  try {
    let response: Response;
    try {
      const headers: Record<string, string> = { authorization: config.authorization, accept: 'application/json' };
      if (request.body !== undefined) headers['content-type'] = 'application/json';
      response = await config.fetch(config.baseUrl + path, {
        method,
        headers,
        body: request.body === undefined ? null : JSON.stringify(request.body),
        signal: controller.signal,
        // A redirect is answered as an error, never followed with the credentials.
        redirect: 'manual',
      });
    } catch (cause) {
      const stop = stopped();
      // A timed-out POST may have reached Dots already: only a GET or an idempotent POST is safe to repeat.
      if (stop) return { ok: false, error: stop, retryable: stop.code === 'timeout' && repeatable };
      return { ok: false, error: networkError(config, method, path, cause), retryable: repeatable || neverSent(cause) };
    }

    let bytes: Uint8Array;
    try {
      bytes = await readBodyWithLimit(response.body, MAX_RESPONSE_BYTES);
    } catch (cause) {
      const stop = stopped();
      if (stop) return { ok: false, error: stop, retryable: stop.code === 'timeout' && repeatable };
      const tooLarge = cause instanceof BodyTooLargeError;
      const error = new DotsApiError(
        'invalid_response',
        `Dots API ${method} ${path} answered ${response.status} but its body ${tooLarge ? 'was too large' : 'could not be read'}.`,
        { status: response.status },
      );
      // The answer was lost on the way: an idempotent POST is asked again and Dots replays it.
      return { ok: false, error, retryable: repeatable && !tooLarge };
    }

    const text = new TextDecoder().decode(bytes);
    if (!response.ok) {
      const error = describeDotsError({ method, path, status: response.status, text, secrets: config.secrets });
      return { ok: false, error, retryable: repeatable && RETRYABLE_STATUSES.has(response.status) };
    }
    // `send-verification-token` answers 202 with no body (spec).
    if (text === '') return { ok: true, value: undefined };
    try {
      return { ok: true, value: JSON.parse(text) as unknown };
    } catch {
      const error = new DotsApiError(
        'invalid_response',
        `Dots API ${method} ${path} answered ${response.status} with a body that is not JSON. Is baseUrl pointing at the Dots API?`,
        { status: response.status },
      );
      return { ok: false, error, retryable: false };
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/** Connection failures that happen before a byte of the request leaves: repeating them is always safe. */
const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

function neverSent(cause: unknown): boolean {
  const inner = cause instanceof Error ? cause.cause : undefined;
  const code = inner && typeof inner === 'object' && 'code' in inner ? inner.code : undefined;
  return typeof code === 'string' && NEVER_SENT_CODES.has(code);
}

function abortedError(method: string, path: string, reason: unknown): DotsApiError {
  return new DotsApiError('aborted', `Dots API ${method} ${path} was aborted by the caller's signal.`, {
    cause: reason,
  });
}

function networkError(config: DotsRequestConfig, method: string, path: string, cause: unknown): DotsApiError {
  const origin = new URL(config.baseUrl).origin;
  const detail = redactSecrets(networkDetail(cause), config.secrets);
  return new DotsApiError(
    'network',
    `Could not reach the Dots API at ${origin} (${method} ${path})${detail ? `: ${detail}` : ''}. Check baseUrl/environment and the network.`,
  );
}

/** The most telling part of a fetch failure, e.g. `ECONNREFUSED` from undici's `cause`. */
function networkDetail(cause: unknown): string {
  const inner = cause instanceof Error ? cause.cause : undefined;
  const code = inner && typeof inner === 'object' && 'code' in inner ? inner.code : undefined;
  if (typeof code === 'string') return code;
  return cause instanceof Error ? cause.message.slice(0, 200) : '';
}

function backoff(attempt: number, signal: AbortSignal | undefined): Promise<void> {
  const delay = Math.min(2000, 100 * 2 ** attempt) * (0.5 + Math.random() / 2);
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    // An abort ends the wait early; the next attempt then reports `aborted` at once.
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, delay);
    signal?.addEventListener('abort', done, { once: true });
  });
}
