export {
  STEPS,
  ONBOARDING_STEPS,
  STEP_STATUSES,
  PAYOUT_FEE_PARTIES,
  isStepName,
  isStepStatus,
  stepNameOf,
  flowStepNameOf,
} from './steps.js';
export type {
  StepName,
  OnboardingStepName,
  FlowStepName,
  StepStatus,
  StepOptions,
  AutoPayoutOptions,
  StepOptionsByName,
  StepWithOptions,
  StepInput,
  PayoutFeeParty,
} from './steps.js';
export type { CreateFlowRequest, Flow, FlowMessage, FlowMetadata, JsonValue, DotsEnvironment } from './types.js';
export { DotsFlowError, isDotsFlowError, DOTS_FLOW_ERROR_CODES } from './DotsFlowError.js';
export type { DotsFlowErrorCode } from './DotsFlowError.js';
export { ERROR_MESSAGES, isRetryable } from './errorMessages.js';
export { parseFlowMessage, MAX_FRAME_HEIGHT } from './parseFlowMessage.js';
export { parseFlow } from './parseFlow.js';
export { DOTS_API_URLS, DOTS_FRAME_ORIGINS } from './environments.js';
export { frameOriginsFor } from './frameOriginsFor.js';
export { isTrustedOrigin } from './isTrustedOrigin.js';
export { validateFlowLink } from './validateFlowLink.js';
export { createFlowSessionReducer, flowSessionActions, INITIAL_FLOW_SESSION_STATE } from './flowSessionReducer.js';
export type {
  CompletedStep,
  FlowSessionAction,
  FlowSessionConfig,
  FlowSessionReducer,
  FlowSessionState,
  FlowSessionStatus,
} from './flowSessionReducer.js';
export { flowSessionEvents } from './flowSessionEvents.js';
export type { FlowSessionEvent } from './flowSessionEvents.js';
export { createFlowSession } from './createFlowSession.js';
export type {
  FlowFrame,
  FlowMessageEventLike,
  FlowSession,
  FlowSessionEventListener,
  FlowSessionListener,
  FlowSessionOptions,
} from './createFlowSession.js';
export { APPEARANCE_THEMES, APPEARANCE_VARIABLES, flowLinkWithAppearance, mergeAppearance } from './appearance.js';
export type { Appearance, AppearanceTheme, AppearanceVariable } from './appearance.js';
export { createAppearance } from './createAppearance.js';
export type { FlowAppearance } from './createAppearance.js';
export { createFlowController } from './createFlowController.js';
export type {
  FlowCallbacks,
  FlowController,
  FlowControllerOptions,
  FlowMessageTarget,
  StepCompleteEvent,
} from './createFlowController.js';
