// The sandbox's error body. Dots documents kebab-case codes (`docs/references/error-codes.mdx`) but no
// error body for flows: this shape is the project's guess, one `@dots-flow/server` can read.

export const ERROR_BODY_SCHEMA_ID = 'https://dots-flow.dev/contract/error-body.json';

export const errorBodySchema = {
  $id: ERROR_BODY_SCHEMA_ID,
  title: 'error body',
  type: 'object',
  additionalProperties: false,
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      additionalProperties: false,
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', pattern: '^[a-z]+(-[a-z]+)*$' },
        message: { type: 'string', minLength: 10 },
        field: { type: 'string', minLength: 1 },
      },
    },
  },
} as const;
