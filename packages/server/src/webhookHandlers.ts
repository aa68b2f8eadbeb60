import type { Flow } from '@dots-flow/core';
import type { DotsClient } from './createDotsClient.js';
import { DotsApiError } from './DotsApiError.js';
import type { DotsWebhookEvent, DotsWebhookEventOf, DotsWebhookEventType } from './webhookEvents.js';
import { WebhookVerificationError } from './WebhookVerificationError.js';

/** What the handler needs of a Dots client: `flows.retrieve` for `onFlowUpdated`; handlers may use more. */
export type WebhookClient = Partial<Pick<DotsClient, 'flows'>> & object;

/** Given to every handler: read the real state back through `client` (Dots' advice: the payload is a hint). */
export interface WebhookContext<C extends WebhookClient = WebhookClient> {
  client: C;
}

type Handler<T extends DotsWebhookEventType, C extends WebhookClient> = (
  event: DotsWebhookEventOf<T>,
  context: WebhookContext<C>,
) => void | Promise<void>;

/** One optional handler per event a host usually acts on; everything else reaches `onEvent`. */
export interface WebhookEventHandlers<C extends WebhookClient = WebhookClient> {
  /** Called with the flow as Dots reports it now (read with `flows.retrieve`), after each `flow.updated`. */
  onFlowUpdated?: (flow: Flow, event: DotsWebhookEventOf<'flow.updated'>, context: WebhookContext<C>) => unknown;
  /** A transfer reached `completed` (terminal); `event.payload.transfer` is the transfer. */
  onTransferCompleted?: Handler<'transfer.completed', C>;
  /** A transfer `failed` (terminal): money went back; tell the user. */
  onTransferFailed?: Handler<'transfer.failed', C>;
  /** A transfer was `flagged` for review (webhooks.yaml `transfer.flagged`); `event.payload.transfer` is the transfer. */
  onTransferFlagged?: Handler<'transfer.flagged', C>;
  /** A transfer's status changed: read it with `client.transfers.retrieve(event.payload.transfer_id)`. */
  onTransferUpdated?: Handler<'transfer.updated', C>;
  /** A payee claimed a Payout Link (`claimed_user_id` is theirs). */
  onPayoutLinkClaimed?: Handler<'payout_link.claimed', C>;
  /** A payee withdrew a Payout Link's money, in full or in part. */
  onPayoutLinkPaidOut?: Handler<'payout_link.paid_out', C>;
  /** A Payout Link went out (email, SMS or link). */
  onPayoutLinkSent?: Handler<'payout_link.sent', C>;
  /** A Payout Link's status changed; Dots advises reading it back before acting. */
  onPayoutLinkUpdated?: Handler<'payout_link.updated', C>;
  /** The transfer funding a Payout Link failed (webhooks.yaml `payout_link.failed`): the link is not paid. */
  onPayoutLinkFailed?: Handler<'payout_link.failed', C>;
  /**
   * Called for every verified event, before the specific handler: known ones typed (narrow on
   * `event.known`, then `event.type`), and the ones it cannot place with `known: false`.
   */
  onEvent?: (event: DotsWebhookEvent, context: WebhookContext<C>) => unknown;
}

export const SPECIFIC_HANDLERS = {
  'transfer.completed': 'onTransferCompleted',
  'transfer.failed': 'onTransferFailed',
  'transfer.flagged': 'onTransferFlagged',
  'transfer.updated': 'onTransferUpdated',
  'payout_link.claimed': 'onPayoutLinkClaimed',
  'payout_link.failed': 'onPayoutLinkFailed',
  'payout_link.paid_out': 'onPayoutLinkPaidOut',
  'payout_link.sent': 'onPayoutLinkSent',
  'payout_link.updated': 'onPayoutLinkUpdated',
} as const satisfies Partial<Record<DotsWebhookEventType, keyof WebhookEventHandlers>>;

export const HANDLER_NAMES = ['onFlowUpdated', 'onEvent', ...Object.values(SPECIFIC_HANDLERS)] as const;

/** True when a delivery of `type` would reach one of `handlers` (so its body must be checked). */
export function handlesType(handlers: WebhookEventHandlers<never>, type: DotsWebhookEventType | undefined): boolean {
  if (handlers.onEvent) return true;
  if (type === undefined) return false;
  if (type === 'flow.updated') return Boolean(handlers.onFlowUpdated);
  const name = (SPECIFIC_HANDLERS as Partial<Record<DotsWebhookEventType, keyof WebhookEventHandlers>>)[type];
  return name !== undefined && Boolean(handlers[name]);
}

/** Runs `onEvent`, then the handler for the event's type. Throws what they throw. */
export async function dispatchWebhookEvent<C extends WebhookClient>(
  event: DotsWebhookEvent,
  handlers: WebhookEventHandlers<C>,
  context: WebhookContext<C>,
): Promise<void> {
  await handlers.onEvent?.(event, context);
  if (!event.known) return;
  if (event.type === 'flow.updated') {
    if (handlers.onFlowUpdated) await handlers.onFlowUpdated(await readFlow(context.client, event), event, context);
    return;
  }
  const name = (SPECIFIC_HANDLERS as Partial<Record<DotsWebhookEventType, keyof WebhookEventHandlers>>)[event.type];
  const handler = name && (handlers[name] as Handler<DotsWebhookEventType, C> | undefined);
  await handler?.(event as DotsWebhookEventOf<DotsWebhookEventType>, context);
}

async function readFlow(client: WebhookClient, event: DotsWebhookEventOf<'flow.updated'>): Promise<Flow> {
  return client.flows!.retrieve(event.payload.flow_id).catch((error: unknown) => {
    // The client refuses an id that cannot be one of this environment's (not a UUID, for Dots):
    // a redelivery would not fix it, so it is a bad payload, not a reason for Svix to retry.
    if (error instanceof DotsApiError && error.code === 'invalid_request') {
      throw new WebhookVerificationError('invalid_payload', `A flow.updated event whose "flow_id" is no flow id here.`);
    }
    throw error;
  });
}
