import type { Flow } from '@dots-flow/core';
import type { DotsClient } from './createDotsClient.js';
import { isFlowId } from './dotsIds.js';
import { createMemoryDedupe } from './createMemoryDedupe.js';
import type { WebhookDedupe } from './createMemoryDedupe.js';
import { DotsApiError } from './DotsApiError.js';
import { declaredLength, errorResponse, jsonResponse } from './jsonResponse.js';
import { BodyTooLargeError, readBodyWithLimit } from './readBodyWithLimit.js';
import { verifyWebhookMessage } from './verifyWebhook.js';
import { decodeWebhookSecret, importWebhookSecret } from './webhookSecret.js';
import { WebhookVerificationError } from './WebhookVerificationError.js';

/** A verified webhook delivery. */
export interface WebhookEvent {
  /** The Svix message id: the same on every redelivery. */
  id: string;
  /** When Svix signed it (Unix seconds). */
  timestamp: number;
  /** `payload.event`, e.g. `flow.updated`, when it is a string. */
  type: string | undefined;
  /** The verified JSON body. */
  payload: Record<string, unknown>;
}

export interface WebhookHandlerOptions {
  /** The endpoint's signing secret (`whsec_…`). */
  secret: string;
  /** Used to read the flow's real state after `flow.updated`. */
  client: Pick<DotsClient, 'flows'>;
  /** Called with the flow as Dots reports it now, after each `flow.updated`. */
  onFlowUpdated: (flow: Flow, event: WebhookEvent) => void | Promise<void>;
  /** Called for every verified event, known or not, before `onFlowUpdated`. */
  onEvent?: (event: WebhookEvent) => void | Promise<void>;
  /** Drops redeliveries of a message id. Default: in memory; `false` turns it off. */
  dedupe?: WebhookDedupe | false;
  /** Clock tolerance either way. Default 300 s. */
  toleranceSeconds?: number;
  /** Largest accepted body. Default 256 KiB. */
  maxBodyBytes?: number;
  /** Given, the handler answers 200 at once and runs the work through it (Next's `after`, `ctx.waitUntil`). */
  waitUntil?: (work: Promise<unknown>) => void;
  /** Told about every failure while processing. Default: `console.error`. */
  onError?: (error: unknown, request: Request) => void;
}

/**
 * The host's webhook route as a Web-standard handler: verifies the raw body, drops duplicate
 * deliveries, answers unknown events with 200, and for `flow.updated` reads the flow with
 * `flows.retrieve` and hands it to `onFlowUpdated`. A failure answers 5xx so Svix retries.
 *
 * @example
 * const webhooks = createWebhookHandler({ secret: env.DOTS_WEBHOOK_SECRET, client: dots, onFlowUpdated: saveFlow });
 * export const POST = webhooks; // Next.js: app/api/dots/webhooks/route.ts
 */
export function createWebhookHandler(options: WebhookHandlerOptions): (request: Request) => Promise<Response> {
  const { client, onFlowUpdated, onEvent } = options;
  decodeWebhookSecret(options.secret); // fail at startup, not at the first delivery
  if (typeof client?.flows?.retrieve !== 'function' || typeof onFlowUpdated !== 'function') {
    throw new TypeError('createWebhookHandler needs { secret, client: createDotsClient(...), onFlowUpdated }.');
  }
  const maxBodyBytes = options.maxBodyBytes ?? 256 * 1024;
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes <= 0) {
    throw new TypeError('maxBodyBytes must be a positive whole number of bytes.');
  }
  const tolerance = options.toleranceSeconds;
  if (tolerance !== undefined && !(typeof tolerance === 'number' && Number.isFinite(tolerance) && tolerance >= 0)) {
    throw new TypeError('toleranceSeconds must be a number of seconds, 0 or more.');
  }
  const key = importWebhookSecret(options.secret);
  const dedupe = options.dedupe === false ? undefined : (options.dedupe ?? createMemoryDedupe());
  const onError =
    options.onError ?? ((error: unknown) => console.error('[@dots-flow/server] webhook processing failed:', error));
  const verifyOptions = options.toleranceSeconds === undefined ? {} : { toleranceSeconds: options.toleranceSeconds };

  const handleEvent = async (event: WebhookEvent): Promise<void> => {
    await onEvent?.(event);
    if (event.type !== 'flow.updated') return;
    const flowId = event.payload['flow_id'];
    if (!isFlowId(flowId)) {
      throw new WebhookVerificationError('invalid_payload', 'A flow.updated event without a valid "flow_id".');
    }
    const flow = await client.flows.retrieve(flowId).catch((error: unknown) => {
      // The client refuses an id that cannot be one of this environment's (not a UUID, for Dots):
      // a redelivery would not fix it, so it is a bad payload, not a reason for Svix to retry.
      if (error instanceof DotsApiError && error.code === 'invalid_request') {
        throw new WebhookVerificationError(
          'invalid_payload',
          `A flow.updated event whose "flow_id" is no flow id here.`,
        );
      }
      throw error;
    });
    await onFlowUpdated(flow, event);
  };

  return async function webhookHandler(request: Request): Promise<Response> {
    if (request.method !== 'POST') {
      return errorResponse(405, 'method_not_allowed', 'Webhooks are delivered with POST.', { allow: 'POST' });
    }
    const length = declaredLength(request);
    if (length !== undefined && length > maxBodyBytes) return tooLarge(maxBodyBytes);
    let event: WebhookEvent;
    try {
      const body = await readBodyWithLimit(request.body, maxBodyBytes);
      const verified = await verifyWebhookMessage(body, request.headers, await key, verifyOptions);
      const type = verified.payload['event'];
      event = { ...verified, type: typeof type === 'string' ? type : undefined };
    } catch (error) {
      if (error instanceof BodyTooLargeError) return tooLarge(maxBodyBytes);
      if (error instanceof WebhookVerificationError) return errorResponse(400, error.code, error.message);
      onError(error, request);
      return errorResponse(400, 'invalid_body', 'The webhook body could not be read.');
    }

    if (dedupe && !(await dedupe.claim(event.id))) return jsonResponse(200, { received: true, duplicate: true });

    const work = handleEvent(event).catch(async (error: unknown) => {
      // Forget the id so Svix's redelivery gets processed; a bad payload will not get better.
      if (dedupe && !(error instanceof WebhookVerificationError)) await dedupe.release(event.id);
      throw error;
    });
    if (options.waitUntil) {
      options.waitUntil(work.catch((error: unknown) => onError(error, request)));
      return jsonResponse(200, { received: true });
    }
    try {
      await work;
    } catch (error) {
      onError(error, request);
      if (error instanceof WebhookVerificationError) return errorResponse(400, error.code, error.message);
      if (error instanceof DotsApiError) {
        return errorResponse(502, 'dots_unavailable', 'Could not read the flow from Dots; retry later.');
      }
      return errorResponse(500, 'processing_failed', 'The webhook could not be processed; retry later.');
    }
    return jsonResponse(200, { received: true });
  };
}

function tooLarge(maxBodyBytes: number): Response {
  return errorResponse(413, 'body_too_large', `The webhook body is larger than ${maxBodyBytes} bytes.`);
}
