import { STEPS, isStepName } from '@dots-flow/core';
import type { CreateFlowRequest, Flow, JsonValue, StepName, StepOptionsByName } from '@dots-flow/core';
import type { DotsClient } from './createDotsClient.js';
import { isFlowId } from './dotsIds.js';
import { DotsApiError } from './DotsApiError.js';
import { flowRouteFailure } from './flowRouteFailure.js';
import { HOST_USER_ID_METADATA_KEY, hostUserIdOf, stampFlowMetadata } from './hostUserIdOf.js';
import { declaredLength, errorResponse, isJsonContentType, jsonResponse } from './jsonResponse.js';
import { parseFlowMetadata } from './parseFlowMetadata.js';
import { parseFlowRequestBody } from './parseFlowRequestBody.js';
import { checkStepOptions, withStepOptions } from './stepOptionsOverride.js';
import { BodyTooLargeError, readBodyWithLimit } from './readBodyWithLimit.js';

export { HOST_USER_ID_METADATA_KEY };

/** Who is asking, from the host app's own session. */
export interface ResolvedUser {
  /** The host app's id for the signed-in user. Stamped into the flow's metadata. */
  hostUserId: string;
  /** The Dots user id the host stored for this user, once known. */
  dotsUserId?: string | null;
}

/** Host metadata: a JSON object whose keys override the browser's. */
export type HostMetadata = { readonly [key: string]: JsonValue };

/** Options the server sets on a step, over whatever the browser asked for. */
export type StepOptionsOverride = { readonly [Name in StepName]?: Partial<Omit<StepOptionsByName[Name], 'name'>> };

export interface FlowHandlerOptions {
  client: Pick<DotsClient, 'flows'>;
  /** The host's session lookup. `null` means "not signed in" (401). */
  resolveUser: (request: Request) => ResolvedUser | null | Promise<ResolvedUser | null>;
  /** Steps the browser may request. Default: every step. */
  allowedSteps?: readonly StepName[];
  /**
   * Options fixed by the server per step, e.g. `{ payout: { payout_fee_party: 'user' } }` so no browser
   * can make the platform pay the payout fee. They override the browser's values for that step.
   */
  stepOptions?: StepOptionsOverride;
  /** Extra metadata for every flow, or a function of the request and user. Overrides the browser's keys. */
  metadata?:
    HostMetadata | ((context: { request: Request; user: ResolvedUser }) => HostMetadata | Promise<HostMetadata>);
  /** Largest accepted POST body. Default 16 KiB. */
  maxBodyBytes?: number;
  /** Where the route is mounted, for `GET {basePath}/{id}`. Default `/api/dots/flows`. */
  basePath?: string;
  /** Told about every failure answered with 5xx and every request Dots refused. Default: `console.error`. */
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
  const stepOptions = checkStepOptions(options.stepOptions);
  if (options.metadata !== undefined && typeof options.metadata !== 'function') hostObject(options.metadata);
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
    return flowRouteFailure(error, action);
  };

  const hostMetadata = async (request: Request, user: ResolvedUser): Promise<HostMetadata> => {
    const extra = typeof options.metadata === 'function' ? await options.metadata({ request, user }) : options.metadata;
    return extra === undefined ? {} : hostObject(extra);
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
    const body = parseFlowRequestBody(withStepOptions(parsed, stepOptions), allowedSteps);
    if (!body.ok) return errorResponse(400, body.code, body.message);

    let extra: HostMetadata;
    try {
      extra = await hostMetadata(request, user);
    } catch (error) {
      return fail(request, error, 'building the flow metadata');
    }
    // The host's keys win over the browser's, and the owner stamp wins over both.
    const metadata = parseFlowMetadata(stampFlowMetadata(body.value.metadata, extra, user.hostUserId));
    if (!metadata.ok) {
      return errorResponse(400, 'invalid_metadata', `With the server's own keys added, ${metadata.message}`);
    }
    const flowRequest: CreateFlowRequest = { ...body.value, ...(metadata.value ? { metadata: metadata.value } : {}) };
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
      // The client checks ids against the environment (UUIDs for Dots): that failure is the caller's id.
      if (error instanceof DotsApiError && error.code === 'invalid_request') {
        return errorResponse(400, 'invalid_flow_id', 'That is not a flow id.');
      }
      return fail(request, error, 'reading the flow');
    }
    // Another user's flow (or one with no owner stamp) looks exactly like a missing one.
    if (hostUserIdOf(flow) !== user.hostUserId) return notFound();
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

/** The host's metadata as a checked JSON object; a TypeError (the host's bug) otherwise. */
function hostObject(value: unknown): HostMetadata {
  const checked = parseFlowMetadata(value);
  if (checked.ok && typeof checked.value === 'object') return checked.value;
  throw new TypeError(`The metadata option must give a JSON object: ${checked.ok ? 'not a string' : checked.message}`);
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
