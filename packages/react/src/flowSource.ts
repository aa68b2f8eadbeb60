import { DotsFlowError, type CreateFlowRequest } from '@dots-flow/core';

/** What the browser asks its backend for. The backend, never the browser, decides the Dots user. */
export type FlowRequest = Pick<CreateFlowRequest, 'steps' | 'metadata'>;

/** Creates a flow and resolves with the Dots flow object (validated by the caller). */
export type CreateFlowFn = (request: FlowRequest, options: { signal: AbortSignal }) => Promise<unknown>;

/** A flow source that POSTs the request as JSON to the host's backend route. */
export function endpointFlowSource(endpoint: string): CreateFlowFn {
  return async (request, { signal }) => {
    // Cookies go with it (fetch's default credentials, 'same-origin'), so the backend knows the signed-in user.
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(request),
      signal,
    }).catch((cause: unknown) => {
      throw signal.aborted
        ? cause
        : new DotsFlowError(
            'network',
            `Could not reach ${endpoint}.` +
              (process.env.NODE_ENV !== 'production' ? ' Check your connection and that the backend is running.' : ''),
            { cause },
          );
    });
    const { ok, status } = response;
    const body: unknown = await response.json().catch(() => undefined);
    if (!ok) {
      const detail = backendMessage(body);
      throw new DotsFlowError('backend_failed', `${endpoint} answered ${status}${detail ? `: ${detail}` : ''}.`, {
        status,
      });
    }
    if (body === undefined) {
      throw new DotsFlowError(
        'invalid_response',
        process.env.NODE_ENV !== 'production'
          ? `${endpoint} did not answer with JSON. It must return the Dots flow object.`
          : '',
        { status },
      );
    }
    return body;
  };
}

/** An own data property of an object, without running getters; `undefined` for anything else. */
const own = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? Object.getOwnPropertyDescriptor(value, key)?.value : undefined;

// Reads `{ error: { message } }` (our server kit's shape) or `{ message }`, without trusting either.
function backendMessage(body: unknown): string | undefined {
  const error = own(body, 'error');
  const message = own(typeof error === 'object' && error !== null ? error : body, 'message');
  return typeof message === 'string' ? message.slice(0, 300) : undefined;
}
