// The project's own JSON Schema for Dots' user object, from the spec's `user` and `wallet` schemas
// (`/v2/users`, `/v2/users/{user_id}`). Nullable names, email and phone parts are the sandbox's guess for
// users made by a flow's onboarding, which gives only a phone.
import { timestampSchema, uuidSchema } from './flowSchema.js';

export const USER_SCHEMA_ID = 'https://dots-flow.dev/contract/user.json';

/** The spec's payout rails (schema `rail`). */
export const RAIL_NAMES = ['ach', 'paypal', 'venmo', 'cash_app', 'intl_bank', 'airtm', 'payoneer', 'crypto'] as const;

const cents = { type: 'integer', minimum: 0 } as const;
const nullableString = { type: ['string', 'null'] } as const;

export const userSchema = {
  $id: USER_SCHEMA_ID,
  title: 'user',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'first_name', 'last_name', 'email', 'phone_number', 'wallet', 'status', 'compliance', 'metadata'],
  properties: {
    id: uuidSchema,
    first_name: nullableString,
    last_name: nullableString,
    email: { anyOf: [{ type: 'string', format: 'email' }, { type: 'null' }] },
    phone_number: {
      type: 'object',
      additionalProperties: false,
      required: ['country_code', 'phone_number'],
      properties: {
        country_code: { anyOf: [{ type: 'string', pattern: '^[0-9]{1,3}$' }, { type: 'null' }] },
        phone_number: { anyOf: [{ type: 'string', pattern: '^[0-9]{1,20}$' }, { type: 'null' }] },
      },
    },
    default_payout_method: { anyOf: [{ enum: RAIL_NAMES }, { type: 'null' }] },
    wallet: {
      type: 'object',
      additionalProperties: false,
      required: ['amount', 'withdrawable_amount', 'credit_balance'],
      properties: { amount: cents, withdrawable_amount: cents, credit_balance: cents },
    },
    status: { enum: ['verified', 'unverified', 'disabled', 'in_review'] },
    compliance: {
      type: 'object',
      additionalProperties: false,
      required: ['has_criminal_activity', 'id_verified', 'flagged'],
      properties: {
        tax_id_verification: { enum: ['unsubmitted', 'pending', 'matched', 'mismatched'] },
        date_of_birth_collected: { type: 'boolean' },
        must_collect_1099: { type: 'boolean' },
        '1099_collected': { type: 'boolean' },
        w8_ben_collected: { type: 'boolean' },
        flagged: { type: 'boolean' },
        id_verified: { type: 'boolean' },
        has_criminal_activity: { type: 'boolean' },
        background_check: {
          type: 'object',
          additionalProperties: false,
          required: ['status'],
          properties: {
            status: {
              enum: [
                'not_started',
                'started',
                'pending',
                'consider',
                'pass',
                'failed',
                'canceled',
                'expired',
                'information_mismatch',
              ],
            },
            updated: timestampSchema,
          },
        },
      },
    },
    metadata: { type: ['string', 'object', 'null'] },
  },
} as const;
