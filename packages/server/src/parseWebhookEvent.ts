import { isFlowId } from './dotsIds.js';
import { isRecord, own } from './ownFields.js';
import type { VerifiedWebhook } from './verifyWebhook.js';
import { isDotsWebhookEventType } from './webhookEvents.js';
import type { DotsWebhookEvent, DotsWebhookEventType } from './webhookEvents.js';
import { WebhookVerificationError } from './WebhookVerificationError.js';

export interface ParseWebhookEventOptions {
  /**
   * The event types this endpoint is subscribed to in Svix. Dots sends some bodies without an `event`
   * field (`payout_link.claimed|paid_out|sent`, `user.updated.*`); when the body fits several types,
   * the one this endpoint subscribes to is the one that arrived.
   */
  eventTypes?: readonly DotsWebhookEventType[];
}

type Body = Record<string, unknown>;
const PAYOUT_LINK_SENT_WITHOUT_EVENT = ['payout_link.claimed', 'payout_link.paid_out', 'payout_link.sent'] as const;
const USER_CHANGES = [
  'user.updated',
  'user.updated.background_check',
  'user.updated.default_payout_method_changed',
  'user.updated.id_verified',
  'user.updated.ide_verified',
  'user.updated.payout_method',
] as const;

/** The documented types a body without an `event` field fits, by its fields (webhooks.mdx examples). */
function candidatesOf(body: Body): readonly DotsWebhookEventType[] {
  const has = (key: string) => own(body, key) !== undefined;
  const transfer = own(body, 'transfer');
  if (transfer !== undefined && has('transfer_id')) {
    const status = isRecord(transfer) ? own(transfer, 'status') : undefined;
    if (status === 'completed') return ['transfer.completed'];
    if (status === 'failed') return ['transfer.failed'];
    return ['transfer.completed', 'transfer.failed'];
  }
  if (has('link') && has('amount') && has('id')) return PAYOUT_LINK_SENT_WITHOUT_EVENT;
  if (has('old_user_id') && has('new_user_id')) return ['user.updated.user_merged'];
  if (has('app_id')) return ['app.updated'];
  if (has('payment_intent_id')) return ['payment_intent.updated'];
  if (has('refund_id')) return ['refund.updated'];
  if (has('flow_id')) return ['flow.updated', 'flow.transaction_updated'];
  if (has('transfer_id')) return ['transfer.updated'];
  if (has('user_id')) return USER_CHANGES;
  return [];
}

function invalid(type: DotsWebhookEventType, message: string): WebhookVerificationError {
  return new WebhookVerificationError(
    'invalid_payload',
    `A ${type} webhook ${message} Compare the body with Dots' webhooks reference.`,
  );
}

function requireId(type: DotsWebhookEventType, body: Body, field: string): void {
  if (!isFlowId(own(body, field))) {
    throw invalid(type, `needs "${field}": an id of 1 to 128 letters, digits, "-" or "_".`);
  }
}

function requirePayoutLink(type: DotsWebhookEventType, body: Body): void {
  requireId(type, body, 'id');
  const amount = own(body, 'amount');
  if (typeof amount !== 'number' || !Number.isFinite(amount)) {
    throw invalid(type, 'needs "amount": a number of cents.');
  }
  if (typeof own(body, 'status') !== 'string') throw invalid(type, 'needs "status": a string.');
  for (const field of ['flow_id', 'claimed_user_id', 'transfer_id']) {
    const value = own(body, field);
    if (value !== undefined && value !== null && !isFlowId(value)) {
      throw invalid(type, `has a "${field}" that is no id: give an id or null.`);
    }
  }
}

function requireTransferOutcome(type: DotsWebhookEventType, body: Body): void {
  requireId(type, body, 'transfer_id');
  const transfer = own(body, 'transfer');
  if (!isRecord(transfer)) throw invalid(type, 'needs "transfer": the transfer object.');
  requireId(type, transfer, 'id');
  if (own(transfer, 'id') !== own(body, 'transfer_id')) {
    throw invalid(type, 'has a "transfer.id" different from "transfer_id".');
  }
  if (typeof own(transfer, 'status') !== 'string') throw invalid(type, 'needs "transfer.status": a string.');
}

/** Throws a typed `invalid_payload` error when a body lacks what its event type documents. */
function checkBody(type: DotsWebhookEventType, body: Body): void {
  switch (type) {
    case 'app.updated':
      return requireId(type, body, 'app_id');
    case 'flow.updated':
    case 'flow.transaction_updated':
      return requireId(type, body, 'flow_id');
    case 'payment_intent.updated':
      return requireId(type, body, 'payment_intent_id');
    case 'refund.updated':
      return requireId(type, body, 'refund_id');
    case 'payout_link.claimed':
    case 'payout_link.paid_out':
    case 'payout_link.sent':
    case 'payout_link.updated':
      return requirePayoutLink(type, body);
    case 'transfer.completed':
    case 'transfer.failed':
      return requireTransferOutcome(type, body);
    case 'transfer.updated':
      return requireId(type, body, 'transfer_id');
    case 'user.updated':
    case 'user.updated.background_check':
    case 'user.updated.default_payout_method_changed':
    case 'user.updated.id_verified':
    case 'user.updated.ide_verified':
    case 'user.updated.payout_method':
      return requireId(type, body, 'user_id');
    case 'user.updated.user_merged':
      requireId(type, body, 'old_user_id');
      return requireId(type, body, 'new_user_id');
    case 'payout_request.updated':
      return;
  }
}

/** The documented types a verified body can be: one when it is placed, several or none when it is not. */
export function webhookEventCandidates(
  payload: Record<string, unknown>,
  options: ParseWebhookEventOptions = {},
): readonly DotsWebhookEventType[] {
  const named = own(payload, 'event');
  if (typeof named === 'string') return isDotsWebhookEventType(named) ? [named] : [];
  const fits = candidatesOf(payload);
  const subscribed = options.eventTypes;
  const narrowed = subscribed && fits.length > 1 ? fits.filter((type) => subscribed.includes(type)) : fits;
  return narrowed.length === 0 ? fits : narrowed;
}

/**
 * Tells which documented event a verified delivery is and checks its body: the `event` field when it
 * names one, else the body's fields, narrowed by the endpoint's `eventTypes`. Throws a
 * `WebhookVerificationError` (`invalid_payload`) when a known type's body lacks a documented field;
 * anything it cannot place comes back with `known: false`.
 */
export function parseWebhookEvent(verified: VerifiedWebhook, options: ParseWebhookEventOptions = {}): DotsWebhookEvent {
  const { id, timestamp, payload } = verified;
  const named = own(payload, 'event');
  const candidates = webhookEventCandidates(payload, options);
  const [only] = candidates;
  if (candidates.length !== 1 || only === undefined) {
    return {
      id,
      timestamp,
      known: false,
      type: typeof named === 'string' ? named : undefined,
      candidates,
      payload,
    };
  }
  checkBody(only, payload);
  // checkBody has checked every field the type requires.
  return { id, timestamp, known: true, type: only, payload } as DotsWebhookEvent;
}
