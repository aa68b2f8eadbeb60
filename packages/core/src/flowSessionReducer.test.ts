import { describe, expect, it } from 'vitest';
import { DotsFlowError } from './DotsFlowError.js';
import {
  createFlowSessionReducer,
  flowSessionActions as act,
  INITIAL_FLOW_SESSION_STATE as initial,
} from './flowSessionReducer.js';
import type { FlowSessionConfig, FlowSessionReducer, FlowSessionState } from './flowSessionReducer.js';
import type { FlowStepName, StepStatus } from './steps.js';
import { testFlow } from './testFlow.fixture.js';
import type { FlowMessage } from './types.js';

const height = (value: number) => act.message({ type: 'height', height: value });
const step = (name: FlowStepName, status: StepStatus = 'completed') =>
  act.message({ type: 'step', step: name, status } satisfies FlowMessage);

function run(config: FlowSessionConfig, ...actions: ReturnType<typeof height>[]): FlowSessionState {
  const reducer = createFlowSessionReducer(config);
  return actions.reduce(reducer, initial);
}

const basic: FlowSessionConfig = { steps: ['compliance', 'payout'] };

describe('flowSessionReducer: initial state and flow creation', () => {
  it('starts creating, with nothing known', () => {
    expect(initial).toEqual({
      status: 'creating',
      flow: null,
      error: null,
      steps: [],
      completedSteps: [],
      currentStep: null,
      progress: 0,
      height: null,
    });
    expect(Object.isFrozen(initial)).toBe(true);
  });

  it('flowCreated moves to loading and puts onboarding first for a flow without a user', () => {
    const flow = testFlow();
    const state = run(basic, act.flowCreated(flow));
    expect(state).toEqual({
      ...initial,
      status: 'loading',
      flow,
      steps: ['onboarding', 'compliance', 'payout'],
      currentStep: 'onboarding',
    });
    expect(Object.isFrozen(state)).toBe(true);
    expect(Object.isFrozen(state.steps)).toBe(true);
  });

  it('leaves onboarding out when the flow has a user, or the session says it has one', () => {
    expect(run(basic, act.flowCreated(testFlow({ user_id: 'user_1' }))).steps).toEqual(['compliance', 'payout']);
    expect(run({ ...basic, hasUser: true }, act.flowCreated(testFlow())).steps).toEqual(['compliance', 'payout']);
    expect(run({ ...basic, hasUser: false }, act.flowCreated(testFlow())).steps[0]).toBe('onboarding');
  });

  it('keeps the requested order, reads step objects and drops duplicates', () => {
    const state = run(
      { steps: ['payout', { name: 'compliance' }, 'payout', { name: 'manage-payouts', hide_continue_button: true }] },
      act.flowCreated(testFlow({ user_id: 'u' })),
    );
    expect(state.steps).toEqual(['payout', 'compliance', 'manage-payouts']);
  });

  it('marks steps the flow already completed, normalising authorization and skipping unknown names', () => {
    const flow = testFlow({
      completed_steps: ['authorization', 'compliance', 'compliance', 'background-check', 'bogus'],
    });
    const state = run(basic, act.flowCreated(flow));
    expect(state.completedSteps).toEqual([
      { step: 'onboarding', status: 'completed' },
      { step: 'compliance', status: 'completed' },
    ]);
    expect(state.currentStep).toBe('payout');
    expect(state.progress).toBeCloseTo(2 / 3);
    expect(state.status).toBe('loading');
  });

  it('ignores flowCreated unless creating', () => {
    const reducer = createFlowSessionReducer(basic);
    const loading = reducer(initial, act.flowCreated(testFlow()));
    expect(reducer(loading, act.flowCreated(testFlow({ id: 'other' })))).toBe(loading);
    const failed = reducer(initial, act.failed(new DotsFlowError('network', 'offline')));
    expect(reducer(failed, act.flowCreated(testFlow()))).toBe(failed);
  });

  it.each([
    [[], 'non-empty list'],
    ['compliance', 'non-empty list'],
    [['complience'], 'Unknown Dots step "complience"'],
    [['onboarding'], 'Unknown Dots step "onboarding"'],
    [[{ name: 'nope' }], 'Unknown Dots step "nope"'],
    [[null], 'Unknown Dots step object'],
    [[{}], 'Unknown Dots step undefined'],
  ])('rejects the steps %j with invalid_request', (steps, hint) => {
    let error: unknown;
    try {
      createFlowSessionReducer({ steps: steps as FlowSessionConfig['steps'] });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DotsFlowError);
    expect((error as DotsFlowError).code).toBe('invalid_request');
    expect((error as DotsFlowError).message).toContain(hint);
  });
});

describe('flowSessionReducer: messages', () => {
  const loading = run(basic, act.flowCreated(testFlow()));
  const reducer = createFlowSessionReducer(basic);

  it('the first height makes the frame ready; later heights only update it', () => {
    const ready = reducer(loading, height(600));
    expect(ready).toMatchObject({ status: 'ready', height: 600 });
    const taller = reducer(ready, height(800));
    expect(taller).toMatchObject({ status: 'ready', height: 800 });
    expect(reducer(taller, height(800))).toBe(taller);
  });

  it('a completion before any height also makes the frame ready', () => {
    const state = reducer(loading, step('onboarding'));
    expect(state).toMatchObject({ status: 'ready', height: null, currentStep: 'compliance' });
  });

  it('records completions in order with progress and the current step', () => {
    const ready = reducer(loading, height(600));
    const one = reducer(ready, step('onboarding'));
    expect(one).toMatchObject({ status: 'ready', currentStep: 'compliance' });
    expect(one.progress).toBeCloseTo(1 / 3);
    // Out of order completions are recorded as they come.
    const two = reducer(one, step('payout'));
    expect(two.completedSteps.map((completed) => completed.step)).toEqual(['onboarding', 'payout']);
    expect(two.currentStep).toBe('compliance');
    const three = reducer(two, step('compliance', 'completed-saved'));
    expect(three).toMatchObject({ status: 'complete', currentStep: null, progress: 1 });
    expect(three.completedSteps).toEqual([
      { step: 'onboarding', status: 'completed' },
      { step: 'payout', status: 'completed' },
      { step: 'compliance', status: 'completed-saved' },
    ]);
    expect(Object.isFrozen(three.completedSteps)).toBe(true);
    expect(Object.isFrozen(three.completedSteps[0])).toBe(true);
  });

  it('treats duplicate completions as no change, keeping the first status', () => {
    const once = reducer(reducer(loading, height(600)), step('compliance'));
    expect(reducer(once, step('compliance'))).toBe(once);
    expect(reducer(once, step('compliance', 'completed-saved'))).toBe(once);
  });

  it('ignores steps that are not in the flow', () => {
    const ready = reducer(loading, height(600));
    expect(reducer(ready, step('manage-payouts'))).toBe(ready);
    expect(reducer(loading, step('manage-payouts'))).toBe(loading);
    const withUser = run(basic, act.flowCreated(testFlow({ user_id: 'u' })));
    expect(reducer(withUser, step('onboarding'))).toBe(withUser);
  });

  it('ignores messages while creating or in error', () => {
    expect(reducer(initial, height(600))).toBe(initial);
    expect(reducer(initial, step('compliance'))).toBe(initial);
    const failed = reducer(loading, act.failed(new DotsFlowError('frame_timeout', 'slow')));
    expect(reducer(failed, height(600))).toBe(failed);
    expect(reducer(failed, step('onboarding'))).toBe(failed);
  });

  it('still follows height after completion, and ignores further completions', () => {
    const done = run(basic, act.flowCreated(testFlow({ user_id: 'u' })), step('compliance'), step('payout'));
    expect(done.status).toBe('complete');
    expect(reducer(done, height(300))).toMatchObject({ status: 'complete', height: 300 });
    expect(reducer(done, step('payout'))).toBe(done);
  });

  it('completes a one-step flow on a completion that arrives before the first height', () => {
    const state = run({ steps: ['payout'], hasUser: true }, act.flowCreated(testFlow()), step('payout'));
    expect(state).toMatchObject({ status: 'complete', progress: 1, currentStep: null });
  });
});

describe('flowSessionReducer: sticky steps (hide_continue_button)', () => {
  const config: FlowSessionConfig = {
    steps: ['compliance', { name: 'manage-payouts', hide_continue_button: true }],
    hasUser: true,
  };
  const reducer = createFlowSessionReducer(config);
  const ready = run(config, act.flowCreated(testFlow()), height(500));

  it('stays current and never completes the session', () => {
    const compliance = reducer(ready, step('compliance'));
    expect(compliance.currentStep).toBe('manage-payouts');
    const saved = reducer(compliance, step('manage-payouts'));
    expect(saved).toMatchObject({ status: 'ready', currentStep: 'manage-payouts', progress: 1 });
  });

  it('records every save as a new completion with its latest status, in its first place', () => {
    const first = reducer(ready, step('manage-payouts'));
    const second = reducer(first, step('manage-payouts', 'completed-saved'));
    expect(second).not.toBe(first);
    expect(second.completedSteps).toEqual([{ step: 'manage-payouts', status: 'completed-saved' }]);
    const third = reducer(second, step('manage-payouts', 'completed-saved'));
    expect(third).not.toBe(second);
    expect(third.completedSteps).toEqual(second.completedSteps);
    const withCompliance = reducer(third, step('compliance'));
    expect(withCompliance.completedSteps.map((completed) => completed.step)).toEqual(['manage-payouts', 'compliance']);
  });

  it('lets a later non-sticky step complete the session', () => {
    const state = [step('manage-payouts'), step('compliance')].reduce(reducer, ready);
    expect(state).toMatchObject({ status: 'complete', currentStep: null });
  });

  it('makes only the step that asked for it sticky', () => {
    const once = reducer(ready, step('compliance'));
    expect(reducer(once, step('compliance'))).toBe(once);
    const notSticky = createFlowSessionReducer({
      steps: [{ name: 'manage-payouts', hide_continue_button: false }],
      hasUser: true,
    });
    const done = notSticky(notSticky(initial, act.flowCreated(testFlow())), step('manage-payouts'));
    expect(done.status).toBe('complete');
    expect(notSticky(done, step('manage-payouts', 'completed-saved'))).toBe(done);
  });
});

describe('flowSessionReducer: failure and reset', () => {
  const reducer: FlowSessionReducer = createFlowSessionReducer(basic);
  const error = new DotsFlowError('backend_failed', 'The flow endpoint answered 500.');

  it.each(['creating', 'loading', 'ready', 'complete'] as const)(
    'failed moves %s to error, keeping the rest',
    (status) => {
      const byStatus: Record<typeof status, FlowSessionState> = {
        creating: initial,
        loading: run(basic, act.flowCreated(testFlow())),
        ready: run(basic, act.flowCreated(testFlow()), height(10)),
        complete: run({ ...basic, hasUser: true }, act.flowCreated(testFlow()), step('compliance'), step('payout')),
      };
      const before = byStatus[status];
      const state = reducer(before, act.failed(error));
      expect(state).toEqual({ ...before, status: 'error', error });
      expect(Object.isFrozen(state)).toBe(true);
    },
  );

  it('failing twice with the same error changes nothing; a new error replaces it', () => {
    const failed = reducer(initial, act.failed(error));
    expect(reducer(failed, act.failed(error))).toBe(failed);
    const other = new DotsFlowError('network', 'offline');
    expect(reducer(failed, act.failed(other)).error).toBe(other);
  });

  it('reset goes back to the initial state from anywhere, for a retry', () => {
    const failed = reducer(run(basic, act.flowCreated(testFlow()), height(10)), act.failed(error));
    expect(reducer(failed, act.reset())).toBe(initial);
    expect(reducer(initial, act.reset())).toBe(initial);
    const retried = reducer(reducer(failed, act.reset()), act.flowCreated(testFlow({ id: 'flow_2' })));
    expect(retried).toMatchObject({ status: 'loading', error: null, height: null, completedSteps: [] });
    expect(retried.flow?.id).toBe('flow_2');
  });

  it('ignores unknown actions', () => {
    const loading = run(basic, act.flowCreated(testFlow()));
    expect(reducer(loading, { type: 'nonsense' } as unknown as ReturnType<typeof act.reset>)).toBe(loading);
  });
});
