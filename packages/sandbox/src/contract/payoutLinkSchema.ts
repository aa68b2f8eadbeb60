// The project's own JSON Schema for Dots' payout link (spec schema `payout-link`, paths `/v2/payout-links`)
// and the answers built on it, with the keys of the response in `docs/guides/payout-links.mdx`.
// `funds_pending` is in the status list because the spec's 202 answer names it (its enum leaves it out).
import { timestampSchema, uuidSchema } from './flowSchema.js';

export const PAYOUT_LINK_SCHEMA_ID = 'https://dots-flow.dev/contract/payout-link.json';
export const PAYOUT_LINK_LIST_SCHEMA_ID = 'https://dots-flow.dev/contract/payout-link-list.json';
export const PAYOUT_LINK_REDELIVERY_SCHEMA_ID = 'https://dots-flow.dev/contract/payout-link-redelivery.json';

export const PAYOUT_LINK_STATUS_NAMES = [
  'created',
  'delivery_pending',
  'delivery_failed',
  'sent',
  'delivered',
  'claimed',
  'reversed',
  'canceled',
  'expired',
  'failed',
  'funds_pending',
] as const;

const nullableString = { type: ['string', 'null'] } as const;
const nullableEmail = { anyOf: [{ type: 'string', format: 'email' }, { type: 'null' }] } as const;
const nullableUuid = { anyOf: [uuidSchema, { type: 'null' }] } as const;
const nullableInteger = { type: ['integer', 'null'] } as const;

/** The payout link's own fields; webhook bodies reuse them. */
export const payoutLinkProperties = {
  accounting_data: {
    type: 'object',
    additionalProperties: false,
    required: ['quickbooks_account_id', 'quickbooks_class_id'],
    properties: { quickbooks_account_id: nullableInteger, quickbooks_class_id: nullableInteger },
  },
  amount: { type: 'integer', minimum: 1 },
  claimed_user_id: nullableUuid,
  created: timestampSchema,
  delivery: {
    type: 'object',
    additionalProperties: false,
    required: ['method', 'email', 'country_code', 'phone_number'],
    properties: {
      method: { enum: ['link', 'sms', 'email', 'all'] },
      email: nullableEmail,
      country_code: nullableString,
      phone_number: nullableString,
    },
  },
  description: nullableString,
  flow_id: uuidSchema,
  funding_source: { enum: ['dots_balance', 'ach'] },
  id: uuidSchema,
  link: { type: 'string', format: 'uri', pattern: '^https?://' },
  memo: nullableString,
  metadata: { type: ['string', 'object', 'null'] },
  payee: {
    type: 'object',
    additionalProperties: false,
    required: ['first_name', 'last_name', 'email', 'country_code', 'phone_number'],
    properties: {
      first_name: nullableString,
      last_name: nullableString,
      email: nullableEmail,
      country_code: nullableString,
      phone_number: nullableString,
    },
  },
  status: { enum: PAYOUT_LINK_STATUS_NAMES },
  tax_exempt: { type: 'boolean' },
  transfer_id: nullableUuid,
} as const;

export const payoutLinkSchema = {
  $id: PAYOUT_LINK_SCHEMA_ID,
  title: 'payout link',
  type: 'object',
  additionalProperties: false,
  required: Object.keys(payoutLinkProperties),
  properties: payoutLinkProperties,
  // A claimed link names its payee and the transfer that paid them.
  if: { type: 'object', properties: { status: { const: 'claimed' } } },
  then: { type: 'object', properties: { claimed_user_id: uuidSchema, transfer_id: uuidSchema } },
} as const;

export const payoutLinkListSchema = {
  $id: PAYOUT_LINK_LIST_SCHEMA_ID,
  title: 'payout link list page',
  type: 'object',
  additionalProperties: false,
  required: ['has_more', 'data'],
  properties: {
    has_more: { type: 'boolean' },
    data: { type: 'array', maxItems: 100, items: { $ref: PAYOUT_LINK_SCHEMA_ID } },
  },
} as const;

export const payoutLinkRedeliverySchema = {
  $id: PAYOUT_LINK_REDELIVERY_SCHEMA_ID,
  title: 'payout link redelivery',
  type: 'object',
  additionalProperties: false,
  required: ['payout_link', 'redelivered'],
  properties: { payout_link: { $ref: PAYOUT_LINK_SCHEMA_ID }, redelivered: { type: 'boolean' } },
} as const;
