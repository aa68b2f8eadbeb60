// A page of `GET /v2/flows` (spec: `{ has_more, data }`, `limit` 1 to 100).
import { FLOW_SCHEMA_ID } from './flowSchema.js';

export const FLOW_LIST_SCHEMA_ID = 'https://dots-flow.dev/contract/flow-list.json';

export const flowListSchema = {
  $id: FLOW_LIST_SCHEMA_ID,
  title: 'flow list page',
  type: 'object',
  additionalProperties: false,
  required: ['has_more', 'data'],
  properties: {
    has_more: { type: 'boolean' },
    data: { type: 'array', maxItems: 100, items: { $ref: FLOW_SCHEMA_ID } },
  },
} as const;
