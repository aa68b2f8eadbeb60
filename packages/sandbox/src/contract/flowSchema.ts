// The project's own JSON Schema (2020-12) for Dots' flow object, written from the facts of Dots' spec
// (`/v2/flows`, schema `flow`) and the real responses in `docs/guides/flow-payouts.mdx`.

export const FLOW_SCHEMA_ID = 'https://dots-flow.dev/contract/flow.json';

/** The step names a flow's `steps` and `completed_steps` may hold (the spec's `flow` schema). */
export const FLOW_STEP_NAMES = [
  'compliance',
  'id-verification',
  'background-check',
  'manage-payments',
  'manage-payouts',
  'payout',
  'redirect',
  'pdf-form-fill',
] as const;

/** A UUID in canonical form: Dots' ids for flows, users and payout links. */
export const uuidSchema = {
  type: 'string',
  pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
} as const;

/**
 * A timestamp as Dots sends it: the spec says `date-time`, the guides' real responses are naive
 * (`2024-07-11T21:10:30.846081`, no zone). Either form passes.
 */
export const timestampSchema = {
  type: 'string',
  anyOf: [{ format: 'date-time' }, { pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?$' }],
} as const;

const stepList = { type: 'array', items: { enum: FLOW_STEP_NAMES }, uniqueItems: true } as const;

export const flowSchema = {
  $id: FLOW_SCHEMA_ID,
  title: 'flow',
  description: "Dots' flow object exactly: the spec's fields plus payout_link_id, which its real responses carry.",
  type: 'object',
  additionalProperties: false,
  required: ['id', 'created', 'user_id', 'steps', 'completed_steps', 'link', 'metadata', 'payout_link_id'],
  properties: {
    id: uuidSchema,
    created: timestampSchema,
    user_id: { anyOf: [uuidSchema, { type: 'null' }] },
    steps: stepList,
    completed_steps: stepList,
    link: { type: 'string', format: 'uri', pattern: '^https?://[^/]+/flow/' },
    metadata: { type: ['string', 'object', 'null'] },
    payout_link_id: { anyOf: [uuidSchema, { type: 'null' }] },
  },
} as const;
