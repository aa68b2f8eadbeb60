import { DotsFlowError } from './DotsFlowError.js';
import { flowStepNameOf, isStepName, STEPS } from './steps.js';
import type { FlowStepName, StepInput, StepStatus } from './steps.js';
import type { Flow, FlowMessage } from './types.js';

export type FlowSessionStatus = 'creating' | 'loading' | 'ready' | 'complete' | 'error';

export interface CompletedStep {
  readonly step: FlowStepName;
  readonly status: StepStatus;
}

/** A flow session's state. Every state object is frozen; a new one is made only when something changed. */
export interface FlowSessionState {
  readonly status: FlowSessionStatus;
  readonly flow: Flow | null;
  readonly error: DotsFlowError | null;
  /** The onboarding step first when the flow has no user, then the requested steps in order. */
  readonly steps: readonly FlowStepName[];
  /** In completion order; a sticky step keeps its place and its latest status. */
  readonly completedSteps: readonly CompletedStep[];
  readonly currentStep: FlowStepName | null;
  /** Completed steps over all steps, 0..1. */
  readonly progress: number;
  /** The frame's last reported content height in CSS pixels. */
  readonly height: number | null;
}

export type FlowSessionAction =
  | { readonly type: 'flowCreated'; readonly flow: Flow }
  | { readonly type: 'failed'; readonly error: DotsFlowError }
  | { readonly type: 'reset' }
  | { readonly type: 'message'; readonly message: FlowMessage };

export type FlowSessionReducer = (state: FlowSessionState, action: FlowSessionAction) => FlowSessionState;

export interface FlowSessionConfig {
  /** The steps the flow was requested with. `hide_continue_button: true` makes a step sticky. */
  steps: readonly StepInput[];
  /** The flow was created for a known user even if the flow object says `user_id: null`: no onboarding step. */
  hasUser?: boolean;
}

export const flowSessionActions = Object.freeze({
  flowCreated: (flow: Flow): FlowSessionAction => ({ type: 'flowCreated', flow }),
  failed: (error: DotsFlowError): FlowSessionAction => ({ type: 'failed', error }),
  reset: (): FlowSessionAction => ({ type: 'reset' }),
  message: (message: FlowMessage): FlowSessionAction => ({ type: 'message', message }),
});

export const INITIAL_FLOW_SESSION_STATE: FlowSessionState = Object.freeze({
  status: 'creating',
  flow: null,
  error: null,
  steps: Object.freeze([]),
  completedSteps: Object.freeze([]),
  currentStep: null,
  progress: 0,
  height: null,
});

/**
 * Builds the pure reducer of a flow session for the steps it was requested with. It returns the
 * very same state object when an action changes nothing (duplicate completions, unknown steps,
 * messages while `creating` or in `error`), which is what keeps snapshots referentially stable.
 * Throws `DotsFlowError('invalid_request')` when `steps` is not a non-empty list of step names.
 */
export function createFlowSessionReducer(config: FlowSessionConfig): FlowSessionReducer {
  const { requested, sticky } = readSteps(config.steps);
  const hasUser = config.hasUser === true;

  function withProgress(base: Omit<FlowSessionState, 'currentStep' | 'progress'>, last: FlowStepName | null) {
    const done = new Set(base.completedSteps.map((completed) => completed.step));
    // Dots keeps the user on a sticky step after each save, so it stays current.
    const currentStep = last !== null && sticky.has(last) ? last : (base.steps.find((step) => !done.has(step)) ?? null);
    const progress = base.steps.length === 0 ? 0 : done.size / base.steps.length;
    return Object.freeze({ ...base, currentStep, progress });
  }

  function created(flow: Flow): FlowSessionState {
    const steps: FlowStepName[] = !hasUser && flow.user_id === null ? ['onboarding', ...requested] : [...requested];
    const completedSteps: CompletedStep[] = [];
    for (const name of flow.completed_steps) {
      const step = flowStepNameOf(name);
      if (step !== null && steps.includes(step) && !completedSteps.some((completed) => completed.step === step)) {
        completedSteps.push(Object.freeze({ step, status: 'completed' }));
      }
    }
    return withProgress(
      {
        ...INITIAL_FLOW_SESSION_STATE,
        status: 'loading',
        flow,
        steps: Object.freeze(steps),
        completedSteps: Object.freeze(completedSteps),
      },
      null,
    );
  }

  function completed(state: FlowSessionState, step: FlowStepName, status: StepStatus): FlowSessionState {
    if (!state.steps.includes(step)) return state;
    const index = state.completedSteps.findIndex((completed) => completed.step === step);
    if (index !== -1 && !sticky.has(step)) return state;
    const entry: CompletedStep = Object.freeze({ step, status });
    const completedSteps =
      index === -1
        ? [...state.completedSteps, entry]
        : state.completedSteps.map((completed, at) => (at === index ? entry : completed));
    const next = withProgress({ ...state, completedSteps: Object.freeze(completedSteps) }, step);
    // A sticky step's own save never finishes the flow: the user is still on it.
    const isComplete = next.progress === 1 && !sticky.has(step);
    const nextStatus = isComplete ? 'complete' : state.status === 'loading' ? 'ready' : state.status;
    return Object.freeze({ ...next, status: nextStatus });
  }

  function measured(state: FlowSessionState, height: number): FlowSessionState {
    const status = state.status === 'loading' ? 'ready' : state.status;
    if (height === state.height && status === state.status) return state;
    return Object.freeze({ ...state, status, height });
  }

  return function flowSessionReducer(state, action) {
    switch (action.type) {
      case 'reset':
        return INITIAL_FLOW_SESSION_STATE;
      case 'failed':
        if (state.status === 'error' && state.error === action.error) return state;
        return Object.freeze({ ...state, status: 'error', error: action.error });
      case 'flowCreated':
        return state.status === 'creating' ? created(action.flow) : state;
      case 'message': {
        if (state.status === 'creating' || state.status === 'error') return state;
        const { message } = action;
        return message.type === 'height'
          ? measured(state, message.height)
          : completed(state, message.step, message.status);
      }
      default:
        return state;
    }
  };
}

function readSteps(steps: readonly StepInput[]): { requested: FlowStepName[]; sticky: ReadonlySet<FlowStepName> } {
  if (!Array.isArray(steps) || steps.length === 0) {
    throw new DotsFlowError(
      'invalid_request',
      process.env.NODE_ENV !== 'production'
        ? `steps must be a non-empty list of Dots steps, like ['compliance', { name: 'manage-payouts', hide_continue_button: true }].`
        : '',
    );
  }
  const requested: FlowStepName[] = [];
  const sticky = new Set<FlowStepName>();
  for (const step of steps as readonly unknown[]) {
    const isObject = typeof step === 'object' && step !== null;
    const name = isObject ? (step as { name?: unknown }).name : step;
    if (!isStepName(name)) {
      throw new DotsFlowError(
        'invalid_request',
        process.env.NODE_ENV !== 'production'
          ? `Unknown Dots step ${typeof name === 'string' ? JSON.stringify(name) : typeof name}. Use one of: ${STEPS.join(', ')}.`
          : '',
      );
    }
    if (!requested.includes(name)) requested.push(name);
    if (isObject && (step as { hide_continue_button?: unknown }).hide_continue_button === true) sticky.add(name);
  }
  return { requested, sticky };
}
