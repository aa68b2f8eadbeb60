import { STEPS, isStepName } from '@dots-flow/core';
import type { CreateFlowRequest, Flow, StepName } from '@dots-flow/core';
import type { DotsClient } from './createDotsClient.js';
import { isFlowId } from './createDotsClient.js';
import { DotsApiError } from './DotsApiError.js';
import { declaredLength, errorResponse, isJsonContentType, jsonResponse } from './jsonResponse.js';
import { parseFlowRequestBody } from './parseFlowRequestBody.js';
import { BodyTooLargeError, readBodyWithLimit } from './readBodyWithLimit.js';

/** The flow metadata key that records which host user a flow belongs to. */
export const HOST_USER_ID_METADATA_KEY = 'host_user_id';

/** Who is asking, from the host app's own session. */
export interface ResolvedUser {
  /** The host app's id for the signed-in user. Stamped into the flow's metadata. */
  hostUserId: string;
  /** The Dots user id the host stored for this user, once known. */
  dotsUserId?: string | null;
}

export interface FlowHandlerOptions {
  client: Pick<DotsClient, 'flows'>;
  /** The host's session lookup. `null` means "not signed in" (401). */
  resolveUser: (request: Request) => ResolvedUser | null | Promise<ResolvedUser | null>;
  /** Steps the browser may request. Default: every step. */
  allowedSteps?: readonly StepName[];
  /** Extra metadata for every flow, or a function of the request and user. Overrides the browser's keys. */
  metadata?:
    | Record<string, string>
    | ((context: { request: Request; user: ResolvedUser }) => Record<string, string> | Promise<Record<string, string>>);
  /** Largest accepted POST body. Default 16 KiB. */
  maxBodyBytes?: number;
  /** Where the route is mounted, for `GET {basePath}/{id}`. Default `/api/dots/flows`. */
  basePath?: string;
  /** Told about every failure answered with 5xx. Default: `console.error`. */
  onError?: (error: unknown, request: Request) => void;
}

/**
 * The host backend's flow route as a Web-standard handler. `POST` creates a flow for the
 * signed-in user; `GET ?id=` (or `GET {basePath}/{id}`) reads one of that user's flows.
 *
 * @example
 * const handler = createFlowHandler({ client: dots, resolveUser: async (req) => sessionUser(req) });
 * export const POST = handler; export const GET = handler; // Next.js route handler
 */
export function createFlowHandler(options: FlowHandlerOptions): (request: Request) => Promise<Response> {
  const { client, resolveUser } = options;
  if (typeof client?.flows?.create !== 'function' || typeof resolveUser !== 'function') {
    throw new TypeError('createFlowHandler needs { client: createDotsClient(...), resolveUser: (request) => user }.');
  }
  const allowedSteps = new Set<StepName>(options.allowedSteps ?? STEPS);
  if (allowedSteps.size === 0) throw new TypeError('allowedSteps must list at least one step (or be left out).');
  for (const step of allowedSteps) {
    if (!isStepName(step))
      throw new TypeError(`allowedSteps: unknown step "${String(step)}"; known: ${STEPS.join(', ')}.`);
  }
  const maxBodyBytes = options.maxBodyBytes ?? 16 * 1024;
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes <= 0) {
    throw new TypeError('maxBodyBytes must be a positive whole number of bytes.');
  }
  const basePath = (options.basePath ?? '/api/dots/flows').replace(/\/+$/, '');
  if (!basePath.startsWith('/')) throw new TypeError('basePath must be a path such as "/api/dots/flows".');
  const onError =
    options.onError ?? ((error: unknown) => console.error('[@dots-flow/server] flow route failed:', error));

  const fail = (request: Request, error: unknown, action: string): Response => {
    onError(error, request);
    if (error instanceof DotsApiError && error.code === 'timeout') {
      return errorResponse(504, 'dots_timeout', `Dots did not answer in time while ${action}. Try again.`);
    }
    if (error instanceof DotsApiError) {
      return errorResponse(502, 'dots_unavailable', `Dots failed while ${action}. Try again later.`);
    }
    return errorResponse(500, 'internal_error', `The server failed while ${action}.`);
  };

  const handlePost = async (request: Request, user: ResolvedUser): Promise<Response> => {
    if (!isJsonContentType(request.headers.get('content-type'))) {
      return errorResponse(
        415,
        'unsupported_media_type',
        'Send the body as JSON with "Content-Type: application/json".',
      );
    }
    const length = declaredLength(request);
    if (length !== undefined && length > maxBodyBytes) return tooLarge(maxBodyBytes);
    let parsed: unknown;
    try {
      const bytes = await readBodyWithLimit(request.body, maxBodyBytes);
      parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch (error) {
      if (error instanceof BodyTooLargeError) return tooLarge(maxBodyBytes);
      return errorResponse(400, 'invalid_json', 'The body is not valid UTF-8 JSON.');
    }
    const body = parseFlowRequestBody(parsed, allowedSteps);
    if (!body.ok) return errorResponse(400, body.code, body.message);

    let extra: Record<string, string>;
    try {
      extra =
        typeof options.metadata === 'function' ? await options.metadata({ request, user }) : (options.metadata ?? {});
    } catch (error) {
      return fail(request, error, 'building the flow metadata');
    }
    // The host's keys win over the browser's, and the owner stamp wins over both.
    const metadata = { ...body.value.metadata, ...extra, [HOST_USER_ID_METADATA_KEY]: user.hostUserId };
    const flowRequest: CreateFlowRequest = { ...body.value, metadata };
    if (user.dotsUserId) flowRequest.user_id = user.dotsUserId;

    try {
      const flow = await client.flows.create(flowRequest, { signal: request.signal });
      return jsonResponse(201, flow);
    } catch (error) {
      return fail(request, error, 'creating the flow');
    }
  };

  const handleGet = async (request: Request, user: ResolvedUser): Promise<Response> => {
    const id = flowIdFrom(request, basePath);
    if (id === undefined) {
      return errorResponse(400, 'missing_flow_id', `Ask for a flow with ?id=<flow id> or ${basePath}/<flow id>.`);
    }
    if (!isFlowId(id)) return errorResponse(400, 'invalid_flow_id', 'That is not a flow id.');
    let flow: Flow;
    try {
      flow = await client.flows.retrieve(id, { signal: request.signal });
    } catch (error) {
      if (error instanceof DotsApiError && error.code === 'not_found') return notFound();
      return fail(request, error, 'reading the flow');
    }
    // Another user's flow looks exactly like a missing one.
    if (flow.metadata?.[HOST_USER_ID_METADATA_KEY] !== user.hostUserId) return notFound();
    return jsonResponse(200, flow);
  };

  return async function flowHandler(request: Request): Promise<Response> {
    if (request.method !== 'GET' && request.method !== 'POST') {
      return errorResponse(405, 'method_not_allowed', 'Use POST to create a flow or GET to read one.', {
        allow: 'GET, POST',
      });
    }
    let user: ResolvedUser | null;
    try {
      user = await resolveUser(request);
    } catch (error) {
      return fail(request, error, 'resolving the signed-in user');
    }
    if (user === null || user === undefined) {
      return errorResponse(401, 'unauthorized', 'Sign in first: no user for this request.');
    }
    if (typeof user.hostUserId !== 'string' || user.hostUserId === '' || user.hostUserId.length > 500) {
      const error = new TypeError('resolveUser must return { hostUserId: non-empty string, dotsUserId? } or null.');
      return fail(request, error, 'resolving the signed-in user');
    }
    if (user.dotsUserId !== undefined && user.dotsUserId !== null && typeof user.dotsUserId !== 'string') {
      return fail(request, new TypeError('resolveUser: dotsUserId must be a string or null.'), 'resolving the user');
    }
    return request.method === 'POST' ? handlePost(request, user) : handleGet(request, user);
  };
}

function flowIdFrom(request: Request, basePath: string): string | undefined {
  const url = new URL(request.url);
  const fromQuery = url.searchParams.getAll('id');
  if (fromQuery.length > 0) return fromQuery.length === 1 ? fromQuery[0] : '';
  const path = url.pathname.replace(/\/+$/, '');
  if (!path.startsWith(`${basePath}/`)) return undefined;
  const rest = path.slice(basePath.length + 1);
  // Percent-encoded characters are never part of a flow id, so the segment is used as is.
  return rest.includes('/') ? '' : rest;
}

function tooLarge(maxBodyBytes: number): Response {
  return errorResponse(413, 'body_too_large', `The body is larger than ${maxBodyBytes} bytes.`);
}

function notFound(): Response {
  return errorResponse(404, 'not_found', 'No such flow for this user.');
}
