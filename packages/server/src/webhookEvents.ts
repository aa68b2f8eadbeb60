import type { DotsTransfer } from './resources/transfers.js';

/**
 * Every webhook event type Dots lists (`docs/references/webhooks.mdx` in Send-Dots/dots-docs-v2, plus the
 * `user.updated*` types of its `docs/webhooks.yaml` the sandbox sends): the Svix event type an endpoint subscribes to. Several bodies carry no `event` field, so the body alone
 * does not always say which one arrived (see `eventTypes` on `createWebhookHandler`).
 */
export const DOTS_WEBHOOK_EVENT_TYPES = [
  'app.updated',
  'flow.transaction_updated',
  'flow.updated',
  'payment_intent.updated',
  'payout_link.claimed',
  'payout_link.paid_out',
  'payout_link.sent',
  'payout_link.updated',
  'payout_request.updated',
  'refund.updated',
  'transfer.completed',
  'transfer.failed',
  'transfer.updated',
  'user.updated',
  'user.updated.background_check',
  'user.updated.default_payout_method_changed',
  /** webhooks.yaml's spelling; webhooks.mdx's `ide_verified` is kept as documented there. */
  'user.updated.id_verified',
  'user.updated.ide_verified',
  'user.updated.payout_method',
  'user.updated.user_merged',
] as const;

export type DotsWebhookEventType = (typeof DOTS_WEBHOOK_EVENT_TYPES)[number];

/** True for one of {@link DOTS_WEBHOOK_EVENT_TYPES}. */
export function isDotsWebhookEventType(value: unknown): value is DotsWebhookEventType {
  return typeof value === 'string' && (DOTS_WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}

/** The payout-link object (spec schema `payout-link`) as the `payout_link.*` events carry it. */
export type DotsWebhookPayoutLink = {
  id: string;
  amount: number;
  status: string;
  created?: string;
  link?: string;
  flow_id?: string | null;
  claimed_user_id?: string | null;
  transfer_id?: string | null;
  tax_exempt?: boolean;
  payee?: Record<string, unknown> | null;
  delivery?: Record<string, unknown> | null;
  memo?: string | null;
  description?: string | null;
  metadata?: string | Record<string, unknown> | null;
  /** Only `payout_link.updated` is documented with these two. */
  event?: string;
  api_app_id?: string;
};

/** The transfer inside `transfer.completed` / `transfer.failed`: the spec's `transfer` object. */
export type DotsWebhookTransfer = Pick<DotsTransfer, 'id' | 'status'> & Partial<Omit<DotsTransfer, 'id' | 'status'>>;

type TransferOutcome = { transfer: DotsWebhookTransfer; transfer_id: string; event?: string };
type UserChange = { user_id: string; event?: string };
type FlowChange<T extends string> = { flow_id: string; event?: T };

/** The verified body of each event type, as documented. */
export type DotsWebhookPayloads = {
  'app.updated': { app_id: string; event?: string };
  'flow.transaction_updated': FlowChange<'flow.transaction_updated'>;
  'flow.updated': FlowChange<'flow.updated'>;
  'payment_intent.updated': { payment_intent_id: string; event?: string };
  'payout_link.claimed': DotsWebhookPayoutLink;
  'payout_link.paid_out': DotsWebhookPayoutLink;
  'payout_link.sent': DotsWebhookPayoutLink;
  'payout_link.updated': DotsWebhookPayoutLink;
  /** Documented without a body: whatever Dots sends. */
  'payout_request.updated': { [field: string]: unknown };
  'refund.updated': { refund_id: string; event?: string };
  'transfer.completed': TransferOutcome;
  'transfer.failed': TransferOutcome;
  'transfer.updated': { transfer_id: string; event?: 'transfer.updated' };
  'user.updated': UserChange;
  'user.updated.background_check': UserChange;
  'user.updated.default_payout_method_changed': UserChange;
  'user.updated.id_verified': UserChange;
  'user.updated.ide_verified': UserChange;
  'user.updated.payout_method': UserChange;
  /** After a merge, use `new_user_id`. */
  'user.updated.user_merged': { old_user_id: string; new_user_id: string; event?: string };
};

interface WebhookDelivery {
  /** The Svix message id: the same on every redelivery. */
  id: string;
  /** When Svix signed it (Unix seconds). */
  timestamp: number;
}

/** A verified delivery of one known event type, its body checked. */
export type DotsWebhookEventOf<T extends DotsWebhookEventType> = WebhookDelivery & {
  known: true;
  type: T;
  payload: DotsWebhookPayloads[T];
};

/** A verified delivery whose type is not one Dots documents, or cannot be told from its body. */
export type UnrecognizedWebhookEvent = WebhookDelivery & {
  known: false;
  /** `payload.event` when it is a string, else `undefined`. */
  type: string | undefined;
  /** The documented types this body could be (narrow them with `eventTypes`); empty when none. */
  candidates: readonly DotsWebhookEventType[];
  payload: Record<string, unknown>;
};

export type KnownWebhookEvent = { [T in DotsWebhookEventType]: DotsWebhookEventOf<T> }[DotsWebhookEventType];

/** Every verified delivery: narrow on `known`, then switch on `type`. */
export type DotsWebhookEvent = KnownWebhookEvent | UnrecognizedWebhookEvent;
