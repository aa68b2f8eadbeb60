// The project's own JSON Schemas for the Dots objects the sandbox answers with, and the checks built on
// them. A test-support entry (`@dots-flow/sandbox/contract`, not published): it needs ajv, a devDependency.
export { createContractValidator, CONTRACT_SCHEMAS } from './createContractValidator.js';
export type { ContractValidator } from './createContractValidator.js';
export { checkResponse, RESPONSE_CONTRACTS } from './responseContracts.js';
export type { ResponseCheck, ResponseContract } from './responseContracts.js';
export { flowSchema, FLOW_SCHEMA_ID, FLOW_STEP_NAMES, timestampSchema, uuidSchema } from './flowSchema.js';
export { flowListSchema, FLOW_LIST_SCHEMA_ID } from './flowListSchema.js';
export { errorBodySchema, ERROR_BODY_SCHEMA_ID } from './errorBodySchema.js';
export { userSchema, USER_SCHEMA_ID, RAIL_NAMES } from './userSchema.js';
export { transferSchema, TRANSFER_SCHEMA_ID } from './transferSchema.js';
export {
  userListSchema,
  transferListSchema,
  emptyAckSchema,
  USER_LIST_SCHEMA_ID,
  TRANSFER_LIST_SCHEMA_ID,
  EMPTY_ACK_SCHEMA_ID,
} from './pageSchemas.js';
export {
  payoutLinkSchema,
  payoutLinkListSchema,
  payoutLinkRedeliverySchema,
  PAYOUT_LINK_SCHEMA_ID,
  PAYOUT_LINK_LIST_SCHEMA_ID,
  PAYOUT_LINK_REDELIVERY_SCHEMA_ID,
  PAYOUT_LINK_STATUS_NAMES,
} from './payoutLinkSchema.js';
export {
  WEBHOOK_EVENT_SCHEMAS,
  WEBHOOK_BODY_SCHEMAS,
  FLOW_UPDATED_EVENT_SCHEMA_ID,
  TRANSFER_UPDATED_EVENT_SCHEMA_ID,
  TRANSFER_COMPLETED_EVENT_SCHEMA_ID,
  PAYOUT_LINK_UPDATED_EVENT_SCHEMA_ID,
  USER_UPDATED_EVENT_SCHEMA_ID,
} from './webhookSchemas.js';
export { WEBHOOK_METHOD } from '../responseObserver.js';
export type { ObservedResponse } from '../responseObserver.js';
