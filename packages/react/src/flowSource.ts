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
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
      signal,
    }).catch((cause: unknown) => {
      throw signal.aborted
        ? cause
        : new DotsFlowError(
            'network',
            process.env.NODE_ENV !== 'production'
              ? `Could not reach ${endpoint}. Check your connection and that the backend is running.`
              : '',
            { cause },
          );
    });
    const { ok, status } = response;
    const body: unknown = await response.json().catch(() => null);
    if (!ok) {
      // Production builds keep the status (error.status) and the code's human message; the backend's own words
      // are a developer's detail.
      throw new DotsFlowError(
        'backend_failed',
        process.env.NODE_ENV !== 'production'
          ? `${endpoint} answered ${status}${withDetail(backendMessage(body))}.`
          : '',
        { status },
      );
    }
    // A body that is not JSON is null (TanStack Query keeps no undefined), which parseFlow refuses as invalid_response.
    return body;
  };
}

const withDetail = (detail: string | undefined) => (detail ? `: ${detail}` : '');

// Reads `{ error: { message } }` (our server kit's shape) or `{ message }` from a parsed JSON body (plain data:
// no getters, no prototypes worth guarding), and only ever a string of it.
function backendMessage(body: unknown): string | undefined {
  const record = body as { error?: { message?: unknown }; message?: unknown } | null | undefined;
  const message = typeof record?.error === 'object' ? record.error?.message : record?.message;
  return typeof message === 'string' ? message.slice(0, 300) : undefined;
}
