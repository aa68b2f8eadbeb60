import { createMemoryDedupe, WEBHOOK_CLAIMS } from './createMemoryDedupe.js';
import type { WebhookClaim, WebhookDedupe } from './createMemoryDedupe.js';
import { DotsApiError } from './DotsApiError.js';
import { declaredLength, errorResponse, jsonResponse } from './jsonResponse.js';
import { BodyTooLargeError, readBodyWithLimit } from './readBodyWithLimit.js';
import { parseWebhookEvent, webhookEventCandidates } from './parseWebhookEvent.js';
import { verifyWebhookMessage } from './verifyWebhook.js';
import { DOTS_WEBHOOK_EVENT_TYPES, isDotsWebhookEventType } from './webhookEvents.js';
import type { DotsWebhookEvent, DotsWebhookEventType } from './webhookEvents.js';
import { dispatchWebhookEvent, HANDLER_NAMES, handlesType } from './webhookHandlers.js';
import type { WebhookClient, WebhookContext, WebhookEventHandlers } from './webhookHandlers.js';
import { decodeWebhookSecret, importWebhookSecret } from './webhookSecret.js';
import { WebhookVerificationError } from './WebhookVerificationError.js';

/** A verified webhook delivery (any of {@link DotsWebhookEvent}). */
export type WebhookEvent = DotsWebhookEvent;

export interface WebhookHandlerOptions<C extends WebhookClient = WebhookClient> extends WebhookEventHandlers<C> {
  /** The endpoint's signing secret (`whsec_…`). */
  secret: string;
  /** A `createDotsClient(...)`: `onFlowUpdated` reads the flow with it, every handler gets it to read state back. */
  client: C;
  /**
   * The event types this endpoint subscribes to in Svix. Tells apart the bodies Dots sends without an
   * `event` field that fit several types (`payout_link.claimed|paid_out|sent`, `user.updated.*`).
   */
  eventTypes?: readonly DotsWebhookEventType[];
  /** Drops redeliveries of a message id. Default: in memory; `createRedisDedupe` for several instances; `false` turns it off. */
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
 * The host's webhook route as a Web-standard handler: verifies the raw body, tells which documented
 * event it is and checks its body (a malformed one answers 400), drops redeliveries of a message id,
 * then runs `onEvent` and the handler for its type (`onFlowUpdated` gets the flow read back with
 * `flows.retrieve`). A failure answers 5xx, so Svix retries.
 *
 * @example
 * const webhooks = createWebhookHandler({ secret: env.DOTS_WEBHOOK_SECRET, client: dots, onFlowUpdated: saveFlow });
 * export const POST = webhooks; // Next.js: app/api/dots/webhooks/route.ts
 */
export function createWebhookHandler<C extends WebhookClient>(
  options: WebhookHandlerOptions<C>,
): (request: Request) => Promise<Response> {
  decodeWebhookSecret(options.secret); // fail at startup, not at the first delivery
  const { client } = options;
  checkHandlers(options);
  const maxBodyBytes = options.maxBodyBytes ?? 256 * 1024;
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes <= 0) {
    throw new TypeError('maxBodyBytes must be a positive whole number of bytes.');
  }
  const tolerance = options.toleranceSeconds;
  if (tolerance !== undefined && !(typeof tolerance === 'number' && Number.isFinite(tolerance) && tolerance >= 0)) {
    throw new TypeError('toleranceSeconds must be a number of seconds, 0 or more.');
  }
  const eventTypes = options.eventTypes;
  if (eventTypes !== undefined && !(Array.isArray(eventTypes) && eventTypes.every(isDotsWebhookEventType))) {
    throw new TypeError(`eventTypes must list Dots webhook event types: ${DOTS_WEBHOOK_EVENT_TYPES.join(', ')}.`);
  }
  const key = importWebhookSecret(options.secret);
  const dedupe = options.dedupe === false ? undefined : (options.dedupe ?? createMemoryDedupe());
  if (dedupe && (typeof dedupe.claim !== 'function' || typeof dedupe.release !== 'function')) {
    throw new TypeError('dedupe must be a store with claim(id) and release(id) (and complete(id)), or false.');
  }
  const onError =
    options.onError ?? ((error: unknown) => console.error('[@dots-flow/server] webhook processing failed:', error));
  const verifyOptions = options.toleranceSeconds === undefined ? {} : { toleranceSeconds: options.toleranceSeconds };
  const context: WebhookContext<C> = { client };

  const run = async (event: DotsWebhookEvent, request: Request): Promise<void> => {
    try {
      await dispatchWebhookEvent(event, options, context);
    } catch (error) {
      // Forget the id so the redelivery gets processed. Release failing too changes nothing for
      // the answer: the claim expires on its own.
      await Promise.resolve(dedupe?.release(event.id)).catch((releaseError: unknown) => onError(releaseError, request));
      throw error;
    }
    // The work is done: a store failing now must not make Svix deliver it again. The claim then
    // expires, and a later redelivery would run again; that is the store's outage to report.
    await Promise.resolve(dedupe?.complete?.(event.id)).catch((error: unknown) => onError(error, request));
  };

  return async function webhookHandler(incoming: Request): Promise<Response> {
    if (incoming.method !== 'POST') {
      return errorResponse(405, 'method_not_allowed', 'Webhooks are delivered with POST.', { allow: 'POST' });
    }
    const length = declaredLength(incoming);
    if (length !== undefined && length > maxBodyBytes) return tooLarge(maxBodyBytes);
    let event: DotsWebhookEvent;
    try {
      const body = await readBodyWithLimit(incoming.body, maxBodyBytes);
      const verified = await verifyWebhookMessage(body, incoming.headers, await key, verifyOptions);
      const placing = eventTypes ? { eventTypes } : {};
      const candidates = webhookEventCandidates(verified.payload, placing);
      // An event no handler takes is acknowledged unchecked: a body change Dots makes to an event this
      // host ignores must not turn its endpoint red (Svix disables endpoints that keep failing).
      if (!handlesType(options, candidates.length === 1 ? candidates[0] : undefined)) {
        return jsonResponse(200, { received: true });
      }
      event = parseWebhookEvent(verified, placing);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return tooLarge(maxBodyBytes);
      if (error instanceof WebhookVerificationError) return errorResponse(400, error.code, error.message);
      onError(error, incoming);
      return errorResponse(400, 'invalid_body', 'The webhook body could not be read.');
    }

    if (dedupe) {
      let claim: WebhookClaim;
      try {
        claim = readClaim(await dedupe.claim(event.id));
      } catch (error) {
        onError(error, incoming);
        return errorResponse(503, 'dedupe_unavailable', 'The dedupe store failed; Svix will retry the delivery.');
      }
      if (claim === 'done') return jsonResponse(200, { received: true, duplicate: true });
      if (claim === 'processing') {
        // Not 2xx: were the running delivery to crash, Svix's retry must still get processed.
        return errorResponse(409, 'in_progress', 'Another delivery of this message is being processed; retry later.');
      }
    }

    const work = run(event, incoming);
    if (options.waitUntil) {
      options.waitUntil(work.catch((error: unknown) => onError(error, incoming)));
      return jsonResponse(200, { received: true });
    }
    try {
      await work;
    } catch (error) {
      onError(error, incoming);
      if (error instanceof WebhookVerificationError) return errorResponse(400, error.code, error.message);
      if (error instanceof DotsApiError) {
        return errorResponse(502, 'dots_unavailable', 'Could not read the state from Dots; retry later.');
      }
      return errorResponse(500, 'processing_failed', 'The webhook could not be processed; retry later.');
    }
    return jsonResponse(200, { received: true });
  };
}

function checkHandlers<C extends WebhookClient>(options: WebhookHandlerOptions<C>): void {
  const usage =
    'createWebhookHandler needs { secret, client: createDotsClient(...), and a handler such as onFlowUpdated or onEvent }.';
  if (typeof options.client !== 'object' || options.client === null) throw new TypeError(usage);
  const given = HANDLER_NAMES.filter((name) => options[name] !== undefined);
  if (given.length === 0) throw new TypeError(usage);
  for (const name of given) {
    if (typeof options[name] !== 'function') throw new TypeError(`createWebhookHandler: ${name} must be a function.`);
  }
  if (options.onFlowUpdated && typeof (options.client as WebhookClient).flows?.retrieve !== 'function') {
    throw new TypeError(
      'createWebhookHandler: onFlowUpdated reads the flow with client.flows.retrieve; pass createDotsClient(...).',
    );
  }
}

/** Older stores answer `true` (new) or `false` (seen). */
function readClaim(answer: WebhookClaim | boolean): WebhookClaim {
  if (answer === true) return 'claimed';
  if (answer === false) return 'done';
  if ((WEBHOOK_CLAIMS as readonly unknown[]).includes(answer)) return answer;
  throw new TypeError(`dedupe.claim answered ${JSON.stringify(answer)}; expected "claimed", "processing" or "done".`);
}

function tooLarge(maxBodyBytes: number): Response {
  return errorResponse(413, 'body_too_large', `The webhook body is larger than ${maxBodyBytes} bytes.`);
}
