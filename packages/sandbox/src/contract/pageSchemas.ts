// List pages of users and transfers (spec `GET /v2/users`, `GET /v2/transfers`: `{ has_more, data }`),
// and the empty acknowledgement of `send-verification-token` (spec: 202, no body documented; `{}` a guess).
import { TRANSFER_SCHEMA_ID } from './transferSchema.js';
import { USER_SCHEMA_ID } from './userSchema.js';

export const USER_LIST_SCHEMA_ID = 'https://dots-flow.dev/contract/user-list.json';
export const TRANSFER_LIST_SCHEMA_ID = 'https://dots-flow.dev/contract/transfer-list.json';
export const EMPTY_ACK_SCHEMA_ID = 'https://dots-flow.dev/contract/empty-ack.json';

const listOf = ($id: string, title: string, itemId: string) =>
  ({
    $id,
    title,
    type: 'object',
    additionalProperties: false,
    required: ['has_more', 'data'],
    properties: {
      has_more: { type: 'boolean' },
      data: { type: 'array', maxItems: 100, items: { $ref: itemId } },
    },
  }) as const;

export const userListSchema = listOf(USER_LIST_SCHEMA_ID, 'user list page', USER_SCHEMA_ID);
export const transferListSchema = listOf(TRANSFER_LIST_SCHEMA_ID, 'transfer list page', TRANSFER_SCHEMA_ID);
export const emptyAckSchema = {
  $id: EMPTY_ACK_SCHEMA_ID,
  title: 'empty acknowledgement',
  type: 'object',
  maxProperties: 0,
} as const;
