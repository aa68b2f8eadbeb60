import type { DotsTransfer } from './resources/transfers.js';

/**
 * Every webhook event type Dots documents: the `webhooks:` of `docs/webhooks.yaml` in Send-Dots/dots-docs-v2,
 * plus the older `docs/references/webhooks.mdx` names (`flow.transaction_updated`, `refund.updated`,
 * `user.updated.ide_verified`). The Svix event type an endpoint subscribes to. webhooks.yaml gives every body an
 * `event` field naming its type; bodies without it are placed by their fields, and the ones that fit several
 * types need `eventTypes` on `createWebhookHandler`.
 */
export const DOTS_WEBHOOK_EVENT_TYPES = [
  'app.updated',
  'dispute.updated',
  'flow.transaction_updated',
  'flow.updated',
  'organization.updated',
  'payment_intent.updated',
  'payment_method.updated',
  'payout_link.claimed',
  'payout_link.failed',
  'payout_link.paid_out',
  'payout_link.sent',
  'payout_link.updated',
  'payout_request.updated',
  'refund.updated',
  'transfer.completed',
  'transfer.failed',
  'transfer.flagged',
  'transfer.updated',
  'user.profile_changed_external',
  'user.updated',
  'user.updated.background_check',
  'user.updated.default_payout_method_changed',
  /** webhooks.yaml's spelling; webhooks.mdx's `ide_verified` is kept as documented there. */
  'user.updated.id_verified',
  'user.updated.ide_verified',
  'user.updated.manual_credit',
  'user.updated.manual_debit',
  'user.updated.payout_method',
  'user.updated.user_merged',
] as const;

export type DotsWebhookEventType = (typeof DOTS_WEBHOOK_EVENT_TYPES)[number];

/** True for one of {@link DOTS_WEBHOOK_EVENT_TYPES}. */
export function isDotsWebhookEventType(value: unknown): value is DotsWebhookEventType {
  return typeof value === 'string' && (DOTS_WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}

/**
 * What every body may carry besides its own fields (webhooks.yaml): `event`, the type's name, and
 * `api_app_id`, the app an organization-level delivery came from (`null` or absent otherwise).
 */
export type DotsWebhookCommonFields<T extends string = string> = {
  event?: T;
  api_app_id?: string | null;
};

/** The payout-link object (spec schema `payout-link`) as the `payout_link.*` events carry it. */
export type DotsWebhookPayoutLink = DotsWebhookCommonFields & {
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
  /** The amount the link was made for; `payout_link.paid_out` adds how (`method`) and how much (`withdrew_amount`). */
  original_amount?: number;
  method?: string;
  withdrew_amount?: number;
};

/** The transfer inside `transfer.completed|failed|flagged`: the spec's `transfer` object. */
export type DotsWebhookTransfer = Pick<DotsTransfer, 'id' | 'status'> & Partial<Omit<DotsTransfer, 'id' | 'status'>>;

/** Free-form `metadata` several bodies carry (webhooks.yaml gives it no type). */
type Metadata = { metadata?: unknown };
type Fields<T extends string, Own> = DotsWebhookCommonFields<T> & Own;
type TransferOutcome<T extends string> = Fields<T, { transfer: DotsWebhookTransfer; transfer_id: string } & Metadata>;
type UserChange<T extends string> = Fields<T, { user_id: string } & Metadata>;
type ManualTransfer<T extends string> = Fields<T, { user_id: string; transfer_id: string } & Metadata>;
type FlowChange<T extends string> = Fields<T, { flow_id: string } & Metadata>;
type LinkEvent<T extends string> = DotsWebhookPayoutLink & DotsWebhookCommonFields<T>;

/** The verified body of each event type, as documented. */
export type DotsWebhookPayloads = {
  'app.updated': Fields<'app.updated', { app_id: string }>;
  'dispute.updated': Fields<'dispute.updated', { dispute_id: string }>;
  'flow.transaction_updated': FlowChange<'flow.transaction_updated'>;
  'flow.updated': FlowChange<'flow.updated'>;
  /** Documented with no field but `event`: read the organization back to see what changed. */
  'organization.updated': DotsWebhookCommonFields<'organization.updated'>;
  'payment_intent.updated': Fields<'payment_intent.updated', { payment_intent_id: string }>;
  'payment_method.updated': Fields<'payment_method.updated', { payment_method_id: string }>;
  'payout_link.claimed': LinkEvent<'payout_link.claimed'>;
  /** The transfer that was to fund a Payout Link failed. */
  'payout_link.failed': Fields<
    'payout_link.failed',
    {
      payout_link: Record<string, unknown>;
      funding_transfer_id: string;
      amount: number;
      memo?: string | null;
      status?: 'failed';
      reason?: string | null;
    }
  >;
  'payout_link.paid_out': LinkEvent<'payout_link.paid_out'>;
  'payout_link.sent': LinkEvent<'payout_link.sent'>;
  'payout_link.updated': LinkEvent<'payout_link.updated'>;
  /** Older versions typed this `{ [field]: unknown }` (undocumented then); webhooks.yaml names its one field. */
  'payout_request.updated': Fields<'payout_request.updated', { payout_request_id: string }>;
  'refund.updated': Fields<'refund.updated', { refund_id: string }>;
  'transfer.completed': TransferOutcome<'transfer.completed'>;
  'transfer.failed': TransferOutcome<'transfer.failed'>;
  'transfer.flagged': TransferOutcome<'transfer.flagged'>;
  'transfer.updated': Fields<'transfer.updated', { transfer_id: string } & Metadata>;
  /** A payout provider holds profile details for the user that differ from Dots' (`differences` says which). */
  'user.profile_changed_external': Fields<
    'user.profile_changed_external',
    { user_id: string; external_platform: string; differences: Record<string, unknown> }
  >;
  'user.updated': UserChange<'user.updated'>;
  'user.updated.background_check': UserChange<'user.updated.background_check'>;
  'user.updated.default_payout_method_changed': UserChange<'user.updated.default_payout_method_changed'>;
  'user.updated.id_verified': UserChange<'user.updated.id_verified'>;
  'user.updated.ide_verified': UserChange<'user.updated.ide_verified'>;
  'user.updated.manual_credit': ManualTransfer<'user.updated.manual_credit'>;
  'user.updated.manual_debit': ManualTransfer<'user.updated.manual_debit'>;
  'user.updated.payout_method': UserChange<'user.updated.payout_method'>;
  /** After a merge, use `new_user_id`. webhooks.yaml adds `user_id`, which older bodies may lack. */
  'user.updated.user_merged': Fields<
    'user.updated.user_merged',
    { old_user_id: string; new_user_id: string; user_id?: string } & Metadata
  >;
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
