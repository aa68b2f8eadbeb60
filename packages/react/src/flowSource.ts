import { DotsFlowError, type CreateFlowRequest } from '@dots-flow/core';

/** What the browser asks its backend for. The backend, never the browser, decides the Dots user. */
export type FlowRequest = Pick<CreateFlowRequest, 'steps' | 'metadata'>;

/** Creates a flow and resolves with the Dots flow object (validated by the caller). */
export type CreateFlowFn = (request: FlowRequest, options: { signal: AbortSignal }) => Promise<unknown>;

/** A flow source that POSTs the request as JSON to the host's backend route. */
export function endpointFlowSource(endpoint: string): CreateFlowFn {
  return async (request, { signal }) => {
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(request),
        signal,
      });
    } catch (cause) {
      if (signal.aborted) throw cause;
      throw new DotsFlowError(
        'network',
        `Could not reach ${endpoint}. Check your connection and that the backend is running.`,
        { cause },
      );
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const detail = backendMessage(body);
      throw new DotsFlowError(
        'backend_failed',
        `${endpoint} answered ${response.status}${detail ? `: ${detail}` : ''}.`,
        { status: response.status },
      );
    }
    if (body === undefined) {
      throw new DotsFlowError(
        'invalid_response',
        `${endpoint} did not answer with JSON. It must return the Dots flow object.`,
        {
          status: response.status,
        },
      );
    }
    return body;
  };
}

// Reads `{ error: { message } }` (our server kit's shape) or `{ message }`, without trusting either.
function backendMessage(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const error: unknown = Object.getOwnPropertyDescriptor(body, 'error')?.value;
  const source = typeof error === 'object' && error !== null ? error : body;
  const message: unknown = Object.getOwnPropertyDescriptor(source, 'message')?.value;
  return typeof message === 'string' ? message.slice(0, 300) : undefined;
}
