import { checkWebhookBody } from './checkWebhookBody.js';
import { isRecord, own } from './ownFields.js';
import type { VerifiedWebhook } from './verifyWebhook.js';
import { isDotsWebhookEventType } from './webhookEvents.js';
import type { DotsWebhookEvent, DotsWebhookEventType } from './webhookEvents.js';

export interface ParseWebhookEventOptions {
  /**
   * The event types this endpoint is subscribed to in Svix. For a body without an `event` field that
   * fits several types (`payout_link.claimed|paid_out|sent`, `user.updated.*`), the one this endpoint
   * subscribes to is the one that arrived. A body whose `event` names a documented type ignores it.
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
const MANUAL_TRANSFERS = ['user.updated.manual_credit', 'user.updated.manual_debit'] as const;
/** Each `{ <name>_id }` body that only one type sends, by that field (webhooks.yaml). */
const ONLY_ID_FIELDS = [
  ['app_id', 'app.updated'],
  ['dispute_id', 'dispute.updated'],
  ['payment_intent_id', 'payment_intent.updated'],
  ['payment_method_id', 'payment_method.updated'],
  ['payout_request_id', 'payout_request.updated'],
  ['refund_id', 'refund.updated'],
] as const;

function transferOutcomes(transfer: unknown): readonly DotsWebhookEventType[] {
  const status = isRecord(transfer) ? own(transfer, 'status') : undefined;
  if (status === 'completed') return ['transfer.completed'];
  if (status === 'failed') return ['transfer.failed'];
  if (status === 'flagged') return ['transfer.flagged'];
  return ['transfer.completed', 'transfer.failed', 'transfer.flagged'];
}

/**
 * The documented types a body without a usable `event` field fits, by its fields. The more specific
 * shapes come first: `user_id` with `transfer_id` is a manual debit or credit, not a transfer.updated.
 * `organization.updated` has no field of its own, so only its `event` places it.
 */
function candidatesOf(body: Body): readonly DotsWebhookEventType[] {
  const has = (key: string) => own(body, key) !== undefined;
  if (has('transfer') && has('transfer_id')) return transferOutcomes(own(body, 'transfer'));
  if (has('payout_link') && has('funding_transfer_id')) return ['payout_link.failed'];
  if (has('link') && has('amount') && has('id')) return PAYOUT_LINK_SENT_WITHOUT_EVENT;
  if (has('old_user_id') && has('new_user_id')) return ['user.updated.user_merged'];
  if (has('user_id') && has('external_platform') && has('differences')) return ['user.profile_changed_external'];
  if (has('user_id') && has('transfer_id')) return MANUAL_TRANSFERS;
  for (const [field, type] of ONLY_ID_FIELDS) if (has(field)) return [type];
  if (has('flow_id')) return ['flow.updated', 'flow.transaction_updated'];
  if (has('transfer_id')) return ['transfer.updated'];
  if (has('user_id')) return USER_CHANGES;
  return [];
}

/**
 * The documented types a verified body can be: one when it is placed, several or none when it is not.
 * A string `event` decides alone: a documented type's name places the body there (its fields are checked
 * by `parseWebhookEvent`), any other string leaves it unplaced. A missing or non-string `event` is no
 * name, so the fields decide, narrowed by `eventTypes`.
 */
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

/** A placed body whose `event` is not a string is not Dots' spelling: the typed payload leaves it out. */
function withoutForeignEvent(payload: Body): Body {
  if (!Object.hasOwn(payload, 'event') || typeof payload.event === 'string') return payload;
  const { event: _foreign, ...rest } = payload;
  return rest;
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
  checkWebhookBody(only, payload);
  // checkWebhookBody has checked every field the type requires; `event`, when kept, is `only`.
  return { id, timestamp, known: true, type: only, payload: withoutForeignEvent(payload) } as DotsWebhookEvent;
}
