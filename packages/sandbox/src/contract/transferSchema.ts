// The project's own JSON Schema for Dots' transfer object, from the spec's `transfer` and `transaction`
// schemas (`/v2/transfers`, `/v2/transfers/{transfer_id}`) and the `transfer.completed` webhook example
// (`docs/references/webhooks.mdx`). `payout_link_id: null` is the sandbox's guess for plain transfers;
// payouts (`POST /v2/payouts` answers a transfer) carry `external_data.platform`.
import { timestampSchema, uuidSchema } from './flowSchema.js';

export const TRANSFER_SCHEMA_ID = 'https://dots-flow.dev/contract/transfer.json';

const metadata = { type: ['string', 'object', 'null'] } as const;

export const transferSchema = {
  $id: TRANSFER_SCHEMA_ID,
  title: 'transfer',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'created', 'user_id', 'status', 'type', 'amount', 'transactions', 'metadata'],
  properties: {
    id: uuidSchema,
    created: timestampSchema,
    user_id: uuidSchema,
    status: { enum: ['created', 'pending', 'failed', 'completed', 'reversed', 'canceled', 'flagged'] },
    type: { enum: ['refill', 'payout', 'balance', 'payment', 'settlement', 'payable'] },
    amount: { type: 'integer', not: { const: 0 } },
    external_data: {
      type: 'object',
      additionalProperties: false,
      properties: {
        account_id: { type: 'string' },
        external_id: { type: 'string' },
        platform: {
          enum: [
            'ach',
            'rtp',
            'paypal',
            'venmo',
            'visa',
            'amazon',
            'cash_app',
            'intl_bank',
            'airtm',
            'payoneer',
            'wire',
            'invoice',
            'crypto',
          ],
        },
      },
    },
    transactions: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'amount', 'created', 'source_name', 'destination_name', 'type', 'transfer_id'],
        properties: {
          id: { type: 'integer', minimum: 1 },
          amount: { type: 'integer', minimum: 1 },
          created: timestampSchema,
          source_name: { type: 'string', minLength: 1 },
          destination_name: { type: 'string', minLength: 1 },
          type: { enum: ['balance', 'refill', 'payout', 'payment', 'fee', 'surrogate'] },
          metadata,
          transfer_id: uuidSchema,
        },
      },
    },
    payout_link_id: { anyOf: [uuidSchema, { type: 'null' }] },
    metadata,
  },
} as const;
