import type { DotsFlowError } from './DotsFlowError.js';
import type { CompletedStep, FlowSessionAction, FlowSessionState } from './flowSessionReducer.js';
import type { FlowStepName, StepStatus } from './steps.js';

/** Discrete things that happened in a flow session, for callbacks such as `onStepComplete`. */
export type FlowSessionEvent =
  | { readonly type: 'ready' }
  | { readonly type: 'height'; readonly height: number }
  | {
      readonly type: 'step';
      readonly step: FlowStepName;
      readonly status: StepStatus;
      readonly completedSteps: readonly CompletedStep[];
    }
  | { readonly type: 'complete' }
  | { readonly type: 'error'; readonly error: DotsFlowError };

/**
 * The events one transition produced, in the order they happened: `ready` before the height or
 * step that made the frame ready, `complete` after the step that completed the flow. An action
 * that left the state untouched produced nothing.
 */
export function flowSessionEvents(
  action: FlowSessionAction,
  previous: FlowSessionState,
  next: FlowSessionState,
): FlowSessionEvent[] {
  const { error, height, status, completedSteps } = next;
  const events: (FlowSessionEvent | false | null)[] =
    next === previous
      ? []
      : action.type === 'failed'
        ? [error !== null && { type: 'error', error }]
        : action.type === 'message'
          ? [
              previous.status === 'loading' && status !== 'loading' && { type: 'ready' },
              action.message.type === 'step'
                ? { type: 'step', step: action.message.step, status: action.message.status, completedSteps }
                : height !== null && height !== previous.height && { type: 'height', height },
              status === 'complete' && previous.status !== 'complete' && { type: 'complete' },
            ]
          : [];
  return events.filter((event) => event) as FlowSessionEvent[];
}
