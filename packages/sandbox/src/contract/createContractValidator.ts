import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { errorBodySchema } from './errorBodySchema.js';
import { flowListSchema } from './flowListSchema.js';
import { flowSchema } from './flowSchema.js';
import { emptyAckSchema, transferListSchema, userListSchema } from './pageSchemas.js';
import { transferSchema } from './transferSchema.js';
import { userSchema } from './userSchema.js';
import { payoutLinkListSchema, payoutLinkRedeliverySchema, payoutLinkSchema } from './payoutLinkSchema.js';
import { WEBHOOK_BODY_SCHEMAS } from './webhookSchemas.js';

/** Every schema of the contract: API answers and webhook bodies. */
export const CONTRACT_SCHEMAS: readonly { readonly $id: string }[] = [
  flowSchema,
  flowListSchema,
  errorBodySchema,
  userSchema,
  userListSchema,
  transferSchema,
  transferListSchema,
  emptyAckSchema,
  payoutLinkSchema,
  payoutLinkListSchema,
  payoutLinkRedeliverySchema,
  ...WEBHOOK_BODY_SCHEMAS,
];

export interface ContractValidator {
  /** The problems of `value` against the schema `schemaId`, each `path: reason`; empty when it matches. */
  problems(schemaId: string, value: unknown): string[];
  /** Throws an Error listing the problems when `value` does not match. */
  assert(schemaId: string, value: unknown): void;
}

// ajv-formats is CommonJS: its default export arrives as the module object under some loaders.
const addFormats = ((addFormatsModule as { default?: unknown }).default ?? addFormatsModule) as typeof addFormatsModule;

/** An Ajv (JSON Schema 2020-12, strict, with formats) holding the contract schemas and `extra` ones. */
export function createContractValidator(extra: readonly { readonly $id: string }[] = []): ContractValidator {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  for (const schema of [...CONTRACT_SCHEMAS, ...extra]) ajv.addSchema(schema);
  const problems = (schemaId: string, value: unknown): string[] => {
    const validate = ajv.getSchema(schemaId);
    if (!validate) return [`no schema "${schemaId}" in the contract`];
    if (validate(value)) return [];
    return (validate.errors ?? []).map((error) => `${error.instancePath || '(root)'}: ${error.message ?? 'invalid'}`);
  };
  return {
    problems,
    assert(schemaId, value) {
      const found = problems(schemaId, value);
      if (found.length > 0) throw new Error(`Does not match ${schemaId}:\n  ${found.join('\n  ')}`);
    },
  };
}
