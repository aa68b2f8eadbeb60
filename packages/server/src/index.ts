export { createDotsClient } from './createDotsClient.js';
export type { DotsCallOptions, DotsClient, DotsClientOptions } from './createDotsClient.js';
export { isFlowId, isUuid } from './dotsIds.js';
export type { FlowsResource } from './resources/flows.js';
export type { UsersResource, DotsUser, DotsUserStatus, CreateUserRequest, ListUsersParams } from './resources/users.js';
export { DOTS_USER_STATUSES } from './resources/users.js';
export type {
  TransfersResource,
  DotsTransfer,
  DotsTransaction,
  CreateTransferRequest,
  ListTransfersParams,
} from './resources/transfers.js';
export type { PayoutsResource, CreatePayoutRequest, DotsPayoutPlatform, DotsFeeParty } from './resources/payouts.js';
export { DOTS_PAYOUT_PLATFORMS, DOTS_FEE_PARTIES } from './resources/payouts.js';
export type {
  PayoutLinksResource,
  DotsPayoutLink,
  DotsPayoutLinkStatus,
  DotsPayee,
  CreatePayoutLinkRequest,
} from './resources/payoutLinks.js';
export { DOTS_PAYOUT_LINK_STATUSES, DOTS_DELIVERY_METHODS } from './resources/payoutLinks.js';
export type { DotsList, DotsListParams, DotsListPromise } from './listPromise.js';
export { DotsApiError, DOTS_API_ERROR_CODES } from './DotsApiError.js';
export type { DotsApiErrorCode } from './DotsApiError.js';
export { createFlowHandler } from './createFlowHandler.js';
export type { FlowHandlerOptions, HostMetadata, ResolvedUser, StepOptionsOverride } from './createFlowHandler.js';
export { BROWSER_METADATA_KEY, HOST_USER_ID_METADATA_KEY, hostUserIdOf } from './hostUserIdOf.js';
export { toNodeHandler } from './toNodeHandler.js';
export type { NodeHandler, WebHandler } from './toNodeHandler.js';
export { verifyWebhook } from './verifyWebhook.js';
export type { VerifyWebhookOptions, WebhookBody } from './verifyWebhook.js';
export type { WebhookHeaders } from './readWebhookHeaders.js';
export { WebhookVerificationError, WEBHOOK_VERIFICATION_ERROR_CODES } from './WebhookVerificationError.js';
export type { WebhookVerificationErrorCode } from './WebhookVerificationError.js';
export { createWebhookHandler } from './createWebhookHandler.js';
export type { WebhookEvent, WebhookHandlerOptions } from './createWebhookHandler.js';
export type { WebhookClient, WebhookContext, WebhookEventHandlers } from './webhookHandlers.js';
export { DOTS_WEBHOOK_EVENT_TYPES, isDotsWebhookEventType } from './webhookEvents.js';
export type {
  DotsWebhookCommonFields,
  DotsWebhookEvent,
  DotsWebhookEventOf,
  DotsWebhookEventType,
  DotsWebhookPayloads,
  DotsWebhookPayoutLink,
  DotsWebhookTransfer,
  KnownWebhookEvent,
  UnrecognizedWebhookEvent,
} from './webhookEvents.js';
export { parseWebhookEvent } from './parseWebhookEvent.js';
export type { ParseWebhookEventOptions } from './parseWebhookEvent.js';
export { createMemoryDedupe, WEBHOOK_CLAIMS } from './createMemoryDedupe.js';
export type { DedupeTimings, MemoryDedupeOptions, WebhookClaim, WebhookDedupe } from './createMemoryDedupe.js';
export {
  createIdempotencyKeys,
  createMemoryIdempotencyKeyStore,
  DOTS_IDEMPOTENCY_TTL_MS,
} from './createIdempotencyKeys.js';
export type { IdempotencyKeys, IdempotencyKeysOptions, IdempotencyKeyStore } from './createIdempotencyKeys.js';
export { StoreError, STORE_ERROR_CODES } from './StoreError.js';
export type { StoreErrorCode } from './StoreError.js';
export { signTestWebhook } from './signTestWebhook.js';
export type { SignedTestWebhook, SignTestWebhookOptions } from './signTestWebhook.js';
