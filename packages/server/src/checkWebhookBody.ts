import { isFlowId } from './dotsIds.js';
import { isRecord, own } from './ownFields.js';
import type { DotsWebhookEventType } from './webhookEvents.js';
import { WebhookVerificationError } from './WebhookVerificationError.js';

type Body = Record<string, unknown>;

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

function requireAmount(type: DotsWebhookEventType, body: Body): void {
  const amount = own(body, 'amount');
  if (typeof amount !== 'number' || !Number.isFinite(amount)) {
    throw invalid(type, 'needs "amount": a number of cents.');
  }
}

function requirePayoutLink(type: DotsWebhookEventType, body: Body): void {
  requireId(type, body, 'id');
  requireAmount(type, body);
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

function requireFundingFailure(type: DotsWebhookEventType, body: Body): void {
  if (!isRecord(own(body, 'payout_link'))) throw invalid(type, 'needs "payout_link": the payout link object.');
  requireId(type, body, 'funding_transfer_id');
  requireAmount(type, body);
}

function requireProfileDifferences(type: DotsWebhookEventType, body: Body): void {
  requireId(type, body, 'user_id');
  if (typeof own(body, 'external_platform') !== 'string') throw invalid(type, 'needs "external_platform": a string.');
  if (!isRecord(own(body, 'differences'))) throw invalid(type, 'needs "differences": an object.');
}

/** The fields every body may carry (webhooks.yaml): `api_app_id` is a string or null when present. */
function requireCommonFields(type: DotsWebhookEventType, body: Body): void {
  const app = own(body, 'api_app_id');
  if (app !== undefined && app !== null && typeof app !== 'string') {
    throw invalid(type, 'has an "api_app_id" that is neither a string nor null.');
  }
}

/** Throws a typed `invalid_payload` error when a body lacks what its event type documents. */
export function checkWebhookBody(type: DotsWebhookEventType, body: Body): void {
  requireCommonFields(type, body);
  switch (type) {
    case 'app.updated':
      return requireId(type, body, 'app_id');
    case 'dispute.updated':
      return requireId(type, body, 'dispute_id');
    case 'flow.updated':
    case 'flow.transaction_updated':
      return requireId(type, body, 'flow_id');
    case 'organization.updated':
      return;
    case 'payment_intent.updated':
      return requireId(type, body, 'payment_intent_id');
    case 'payment_method.updated':
      return requireId(type, body, 'payment_method_id');
    case 'payout_request.updated':
      return requireId(type, body, 'payout_request_id');
    case 'refund.updated':
      return requireId(type, body, 'refund_id');
    case 'payout_link.claimed':
    case 'payout_link.paid_out':
    case 'payout_link.sent':
    case 'payout_link.updated':
      return requirePayoutLink(type, body);
    case 'payout_link.failed':
      return requireFundingFailure(type, body);
    case 'transfer.completed':
    case 'transfer.failed':
    case 'transfer.flagged':
      return requireTransferOutcome(type, body);
    case 'transfer.updated':
      return requireId(type, body, 'transfer_id');
    case 'user.profile_changed_external':
      return requireProfileDifferences(type, body);
    case 'user.updated':
    case 'user.updated.background_check':
    case 'user.updated.default_payout_method_changed':
    case 'user.updated.id_verified':
    case 'user.updated.ide_verified':
    case 'user.updated.payout_method':
      return requireId(type, body, 'user_id');
    case 'user.updated.manual_credit':
    case 'user.updated.manual_debit':
      requireId(type, body, 'user_id');
      return requireId(type, body, 'transfer_id');
    case 'user.updated.user_merged':
      requireId(type, body, 'old_user_id');
      return requireId(type, body, 'new_user_id');
  }
}
