'use client';
export { DotsProvider, type DotsProviderProps } from './DotsProvider.js';
export { DotsFlow, type DotsFlowProps, type DotsFlowBaseProps, type ErrorFallbackProps } from './DotsFlow.js';
export {
  useDotsFlow,
  type UseDotsFlowOptions,
  type UseDotsFlowResult,
  type StepCompleteEvent,
  type FlowFrameProps,
  type FlowSource,
  type FlowFromSteps,
  type FlowFromBackend,
  type FlowViewOptions,
} from './useDotsFlow.js';
export { useFlowProgress, type FlowProgressState } from './useFlowProgress.js';
export {
  ManagePayouts,
  type ManagePayoutsProps,
  type ManagePayoutsActionProps,
  type ManagePayoutsMessages,
  type SaveEvent,
} from './ManagePayouts.js';
export {
  FlowProgress,
  type FlowProgressProps,
  type FlowProgressValue,
  type FlowProgressMessages,
  type FlowProgressStepState,
} from './FlowProgress.js';
export { STEP_LABELS, stepLabel, type StepLabels } from './stepLabels.js';
export { FlowSessionContext } from './FlowSessionContext.js';
export { prefetchFlow, FLOW_REUSE_MS } from './flowQuery.js';
export type { CreateFlowFn, FlowRequest } from './flowSource.js';
export {
  DotsFlowError,
  isDotsFlowError,
  ERROR_MESSAGES,
  isRetryable,
  STEPS,
  APPEARANCE_VARIABLES,
  flowLinkWithAppearance,
  createAppearance,
  mergeAppearance,
  type Appearance,
  type FlowAppearance,
  type AppearanceTheme,
  type AppearanceVariable,
  type DotsFlowErrorCode,
  type DotsEnvironment,
  type Flow,
  type FlowMetadata,
  type FlowStepName,
  type StepInput,
  type StepName,
  type StepStatus,
} from '@dots-flow/core';
