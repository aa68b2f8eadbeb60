// The project's own JSON Schemas for the webhook bodies the sandbox sends. Every body names its type in
// `event` (required here, equal to the Svix event type), as each `components/schemas/*Webhook` of
// `docs/webhooks.yaml` does with `const`/`default`; the fields are those of the `docs/references/webhooks.mdx`
// examples: `flow.updated` (`{ event, flow_id }`), `transfer.updated` (`{ event, transfer_id }`),
// `transfer.completed` (`{ event, transfer, transfer_id }`), the payout link object for
// `payout_link.sent|claimed|paid_out`, that object with `api_app_id` and `original_amount` for
// `payout_link.updated`, and `{ event, user_id }` for the `user.updated*` events.
import { uuidSchema } from './flowSchema.js';
import { payoutLinkProperties } from './payoutLinkSchema.js';
import { TRANSFER_SCHEMA_ID } from './transferSchema.js';

/** `https://dots-flow.dev/contract/event-<type with "." and "_" as "-">.json`. */
const eventSchemaId = (type: string) => `https://dots-flow.dev/contract/event-${type.replace(/[._]/g, '-')}.json`;
const eventField = <T extends string>(type: T) => ({ const: type }) as const;

export const FLOW_UPDATED_EVENT_SCHEMA_ID = eventSchemaId('flow.updated');
export const TRANSFER_UPDATED_EVENT_SCHEMA_ID = eventSchemaId('transfer.updated');
export const TRANSFER_COMPLETED_EVENT_SCHEMA_ID = eventSchemaId('transfer.completed');
export const PAYOUT_LINK_UPDATED_EVENT_SCHEMA_ID = eventSchemaId('payout_link.updated');
/** `user.updated`'s own body; each `user.updated.*` event has its schema under {@link WEBHOOK_EVENT_SCHEMAS}. */
export const USER_UPDATED_EVENT_SCHEMA_ID = eventSchemaId('user.updated');

export const flowUpdatedEventSchema = {
  $id: FLOW_UPDATED_EVENT_SCHEMA_ID,
  title: 'flow.updated body',
  type: 'object',
  additionalProperties: false,
  required: ['event', 'flow_id'],
  properties: { event: eventField('flow.updated'), flow_id: uuidSchema },
} as const;

export const transferUpdatedEventSchema = {
  $id: TRANSFER_UPDATED_EVENT_SCHEMA_ID,
  title: 'transfer.updated body',
  type: 'object',
  additionalProperties: false,
  required: ['event', 'transfer_id'],
  properties: { event: eventField('transfer.updated'), transfer_id: uuidSchema },
} as const;

export const transferCompletedEventSchema = {
  $id: TRANSFER_COMPLETED_EVENT_SCHEMA_ID,
  title: 'transfer.completed body',
  type: 'object',
  additionalProperties: false,
  required: ['event', 'transfer', 'transfer_id'],
  properties: {
    event: eventField('transfer.completed'),
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
    event: eventField('payout_link.updated'),
    api_app_id: uuidSchema,
    original_amount: { type: 'integer', minimum: 1 },
    ...payoutLinkProperties,
  },
} as const;

/** The fields docs/webhooks.yaml adds to `payout_link.paid_out`: the rail paid on and the cents taken out. */
const paidOutProperties = {
  method: { type: 'string', minLength: 1 },
  withdrew_amount: { type: 'integer', minimum: 1 },
} as const;

/**
 * `payout_link.sent|claimed|paid_out` (docs/webhooks.yaml): the payout link object (as the API answers it), `event`
 * and `original_amount`; `paid_out` also `method` and `withdrew_amount`.
 */
function payoutLinkEventSchema<T extends string>(type: T, extra: Record<string, object> = {}) {
  return {
    $id: eventSchemaId(type),
    title: `${type} body`,
    type: 'object',
    additionalProperties: false,
    required: ['event', 'original_amount', ...Object.keys(payoutLinkProperties), ...Object.keys(extra)],
    properties: {
      event: eventField(type),
      original_amount: { type: 'integer', minimum: 1 },
      ...payoutLinkProperties,
      ...extra,
    },
    // A claimed link names its payee and the transfer that paid them (as in the payout link schema).
    if: { type: 'object', properties: { status: { const: 'claimed' } } },
    then: { type: 'object', properties: { claimed_user_id: uuidSchema, transfer_id: uuidSchema } },
  } as const;
}

/** A `user.updated*` event the sandbox sends: its `event` and the user's id, nothing else. */
function userEventSchema<T extends string>(type: T) {
  return {
    $id: eventSchemaId(type),
    title: `${type} body`,
    type: 'object',
    additionalProperties: false,
    required: ['event', 'user_id'],
    properties: { event: eventField(type), user_id: uuidSchema },
  } as const;
}

export const userUpdatedEventSchema = userEventSchema('user.updated');

/** Every webhook body schema, one per event type the sandbox sends. */
export const WEBHOOK_BODY_SCHEMAS = [
  flowUpdatedEventSchema,
  transferUpdatedEventSchema,
  transferCompletedEventSchema,
  payoutLinkEventSchema('payout_link.sent'),
  payoutLinkEventSchema('payout_link.claimed'),
  payoutLinkEventSchema('payout_link.paid_out', paidOutProperties),
  payoutLinkUpdatedEventSchema,
  userUpdatedEventSchema,
  userEventSchema('user.updated.id_verified'),
  userEventSchema('user.updated.background_check'),
  userEventSchema('user.updated.default_payout_method_changed'),
] as const;

/** The schema each webhook event's body must match, by Svix event type. */
export const WEBHOOK_EVENT_SCHEMAS: Readonly<Record<string, string>> = Object.fromEntries(
  WEBHOOK_BODY_SCHEMAS.map((schema) => [schema.properties.event.const, schema.$id]),
);
