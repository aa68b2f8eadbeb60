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
  if (next === previous) return [];
  if (action.type === 'failed') return next.error === null ? [] : [{ type: 'error', error: next.error }];
  if (action.type !== 'message') return [];
  const events: FlowSessionEvent[] = [];
  if (previous.status === 'loading' && next.status !== 'loading') events.push({ type: 'ready' });
  const { message } = action;
  if (message.type === 'step') {
    events.push({ type: 'step', step: message.step, status: message.status, completedSteps: next.completedSteps });
  } else if (next.height !== null && next.height !== previous.height) {
    events.push({ type: 'height', height: next.height });
  }
  if (next.status === 'complete' && previous.status !== 'complete') events.push({ type: 'complete' });
  return events;
}
