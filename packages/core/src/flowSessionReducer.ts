import { DotsFlowError } from './DotsFlowError.js';
import { flowStepNameOf, isStepName, STEPS } from './steps.js';
import type { FlowStepName, StepInput, StepStatus } from './steps.js';
import type { Flow, FlowMessage } from './types.js';
import { freeze } from './freeze.js';

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

export const flowSessionActions = /* @__PURE__ */ freeze({
  flowCreated: (flow: Flow): FlowSessionAction => ({ type: 'flowCreated', flow }),
  failed: (error: DotsFlowError): FlowSessionAction => ({ type: 'failed', error }),
  reset: (): FlowSessionAction => ({ type: 'reset' }),
  message: (message: FlowMessage): FlowSessionAction => ({ type: 'message', message }),
});

export const INITIAL_FLOW_SESSION_STATE: FlowSessionState = freeze({
  status: 'creating',
  flow: null,
  error: null,
  steps: freeze([]),
  completedSteps: freeze([]),
  currentStep: null,
  progress: 0,
  height: null,
});

/**
 * `state` with `completedSteps` and what follows from them, frozen: the current step (`current`, or
 * else the first step not completed yet) and the progress.
 */
function progressed(
  state: FlowSessionState,
  status: FlowSessionStatus,
  completedSteps: CompletedStep[],
  current?: FlowStepName | false,
): FlowSessionState {
  const { steps } = state;
  return freeze({
    ...state,
    status,
    completedSteps: freeze(completedSteps),
    currentStep: current || (steps.find((step) => !completedSteps.some((done) => done.step === step)) ?? null),
    // Completed steps are unique and all in the flow's steps, so their count is the progress.
    progress: completedSteps.length / steps.length,
  });
}

/**
 * Builds the pure reducer of a flow session for the steps it was requested with. It returns the
 * very same state object when an action changes nothing (duplicate completions, unknown steps,
 * messages while `creating` or in `error`), which is what keeps snapshots referentially stable.
 * Throws `DotsFlowError('invalid_request')` when `steps` is not a non-empty list of step names.
 */
export function createFlowSessionReducer(config: FlowSessionConfig): FlowSessionReducer {
  const { steps: input } = config;
  if (!Array.isArray(input) || !input.length) {
    throw new DotsFlowError(
      'invalid_request',
      process.env.NODE_ENV !== 'production'
        ? `steps must be a non-empty list of Dots steps, like ['compliance', { name: 'manage-payouts', hide_continue_button: true }].`
        : '',
    );
  }
  const requested: FlowStepName[] = [];
  const sticky: FlowStepName[] = [];
  for (const step of input as readonly unknown[]) {
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
    if (isObject && (step as { hide_continue_button?: unknown }).hide_continue_button === true) sticky.push(name);
  }
  const hasUser = config.hasUser === true;

  return function flowSessionReducer(state, action) {
    const { type } = action;
    const { status, steps } = state;
    if (type === 'reset') return INITIAL_FLOW_SESSION_STATE;
    if (type === 'failed') {
      const { error } = action;
      return status === 'error' && state.error === error ? state : freeze({ ...state, status: 'error', error });
    }
    if (type === 'flowCreated') {
      if (status !== 'creating') return state;
      const { flow } = action;
      const flowSteps: FlowStepName[] = !hasUser && flow.user_id === null ? ['onboarding', ...requested] : requested;
      // A Set keeps each name's first place; unknown names map to null, which no flow step equals.
      const completed = [...new Set(flow.completed_steps.map(flowStepNameOf))].filter((step) =>
        flowSteps.includes(step as FlowStepName),
      ) as FlowStepName[];
      return progressed(
        { ...INITIAL_FLOW_SESSION_STATE, flow, steps: freeze(flowSteps) },
        'loading',
        completed.map((step) => freeze({ step, status: 'completed' })),
      );
    }
    if (type !== 'message' || status === 'creating' || status === 'error') return state;
    const { message } = action;
    // The frame has spoken: a loading session becomes ready.
    const ready = status === 'loading' ? 'ready' : status;
    if (message.type === 'height') {
      const { height } = message;
      return height === state.height && ready === status ? state : freeze({ ...state, status: ready, height });
    }
    const { step } = message;
    const completedSteps = [...state.completedSteps];
    const index = completedSteps.findIndex((done) => done.step === step);
    const isSticky = sticky.includes(step);
    if (!steps.includes(step) || (index >= 0 && !isSticky)) return state;
    // A sticky step keeps its place and takes its latest status; any other step is added last.
    completedSteps[index < 0 ? completedSteps.length : index] = freeze({ step, status: message.status });
    return progressed(
      state,
      // A sticky step's own save never finishes the flow: the user is still on it.
      completedSteps.length === steps.length && !isSticky ? 'complete' : ready,
      completedSteps,
      // Dots keeps the user on a sticky step after each save, so it stays current.
      isSticky && step,
    );
  };
}
