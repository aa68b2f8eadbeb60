// The project's own JSON Schemas for the webhook bodies the sandbox sends, from the examples in
// `docs/references/webhooks.mdx`: `flow.updated`, `transfer.updated` (`{ event, id }`), `transfer.completed`
// (`{ transfer, transfer_id }`), the payout link object for `payout_link.sent|claimed|paid_out`, and that
// object with `event`, `api_app_id` and `original_amount` for `payout_link.updated`; `{ user_id }` for the
// `user.updated*` events (`docs/webhooks.yaml` names them; webhooks.mdx shows the body).
import { uuidSchema } from './flowSchema.js';
import { PAYOUT_LINK_SCHEMA_ID, payoutLinkProperties } from './payoutLinkSchema.js';
import { TRANSFER_SCHEMA_ID } from './transferSchema.js';

export const FLOW_UPDATED_EVENT_SCHEMA_ID = 'https://dots-flow.dev/contract/event-flow-updated.json';
export const TRANSFER_UPDATED_EVENT_SCHEMA_ID = 'https://dots-flow.dev/contract/event-transfer-updated.json';
export const TRANSFER_COMPLETED_EVENT_SCHEMA_ID = 'https://dots-flow.dev/contract/event-transfer-completed.json';
export const PAYOUT_LINK_UPDATED_EVENT_SCHEMA_ID = 'https://dots-flow.dev/contract/event-payout-link-updated.json';
export const USER_UPDATED_EVENT_SCHEMA_ID = 'https://dots-flow.dev/contract/event-user-updated.json';

export const flowUpdatedEventSchema = {
  $id: FLOW_UPDATED_EVENT_SCHEMA_ID,
  title: 'flow.updated body',
  type: 'object',
  additionalProperties: false,
  required: ['event', 'flow_id'],
  properties: { event: { const: 'flow.updated' }, flow_id: uuidSchema },
} as const;

export const transferUpdatedEventSchema = {
  $id: TRANSFER_UPDATED_EVENT_SCHEMA_ID,
  title: 'transfer.updated body',
  type: 'object',
  additionalProperties: false,
  required: ['event', 'transfer_id'],
  properties: { event: { const: 'transfer.updated' }, transfer_id: uuidSchema },
} as const;

export const transferCompletedEventSchema = {
  $id: TRANSFER_COMPLETED_EVENT_SCHEMA_ID,
  title: 'transfer.completed body',
  type: 'object',
  additionalProperties: false,
  required: ['transfer', 'transfer_id'],
  properties: {
    transfer: { type: 'object', $ref: TRANSFER_SCHEMA_ID, properties: { status: { const: 'completed' } } },
    transfer_id: uuidSchema,
  },
} as const;

export const payoutLinkUpdatedEventSchema = {
  $id: PAYOUT_LINK_UPDATED_EVENT_SCHEMA_ID,
  title: 'payout_link.updated body',
  type: 'object',
  additionalProperties: false,
  required: ['event', 'api_app_id', 'original_amount', ...Object.keys(payoutLinkProperties)],
  properties: {
    event: { const: 'payout_link.updated' },
    api_app_id: uuidSchema,
    original_amount: { type: 'integer', minimum: 1 },
    ...payoutLinkProperties,
  },
} as const;

/** Every `user.updated*` event the sandbox sends: the user's id and nothing else. */
export const userUpdatedEventSchema = {
  $id: USER_UPDATED_EVENT_SCHEMA_ID,
  title: 'user.updated* body',
  type: 'object',
  additionalProperties: false,
  required: ['user_id'],
  properties: { user_id: uuidSchema },
} as const;

/** The schema each webhook event's body must match, by Svix event type. */
export const WEBHOOK_EVENT_SCHEMAS: Readonly<Record<string, string>> = {
  'flow.updated': FLOW_UPDATED_EVENT_SCHEMA_ID,
  'transfer.updated': TRANSFER_UPDATED_EVENT_SCHEMA_ID,
  'transfer.completed': TRANSFER_COMPLETED_EVENT_SCHEMA_ID,
  'payout_link.sent': PAYOUT_LINK_SCHEMA_ID,
  'payout_link.claimed': PAYOUT_LINK_SCHEMA_ID,
  'payout_link.paid_out': PAYOUT_LINK_SCHEMA_ID,
  'payout_link.updated': PAYOUT_LINK_UPDATED_EVENT_SCHEMA_ID,
  'user.updated': USER_UPDATED_EVENT_SCHEMA_ID,
  'user.updated.id_verified': USER_UPDATED_EVENT_SCHEMA_ID,
  'user.updated.background_check': USER_UPDATED_EVENT_SCHEMA_ID,
  'user.updated.default_payout_method_changed': USER_UPDATED_EVENT_SCHEMA_ID,
};
