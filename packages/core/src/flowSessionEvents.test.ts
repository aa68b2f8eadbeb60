import { describe, expect, it } from 'vitest';
import { DotsFlowError } from './DotsFlowError.js';
import { flowSessionEvents } from './flowSessionEvents.js';
import {
  createFlowSessionReducer,
  flowSessionActions as act,
  INITIAL_FLOW_SESSION_STATE,
} from './flowSessionReducer.js';
import type { FlowSessionAction, FlowSessionState } from './flowSessionReducer.js';
import { testFlow } from './testFlow.fixture.js';

const reducer = createFlowSessionReducer({
  steps: ['compliance', { name: 'manage-payouts', hide_continue_button: true }, 'payout'],
});
const height = (value: number) => act.message({ type: 'height', height: value });
const step = (
  name: 'onboarding' | 'compliance' | 'manage-payouts' | 'payout',
  status: 'completed' | 'completed-saved' = 'completed',
) => act.message({ type: 'step', step: name, status });

function transition(state: FlowSessionState, action: FlowSessionAction) {
  const next = reducer(state, action);
  return { next, events: flowSessionEvents(action, state, next) };
}

const loading = reducer(INITIAL_FLOW_SESSION_STATE, act.flowCreated(testFlow({ user_id: 'u' })));
const ready = reducer(loading, height(400));

describe('flowSessionEvents', () => {
  it('creation and reset produce no events', () => {
    expect(transition(INITIAL_FLOW_SESSION_STATE, act.flowCreated(testFlow())).events).toEqual([]);
    expect(transition(ready, act.reset()).events).toEqual([]);
  });

  it('the first height produces ready then height; later heights only height', () => {
    expect(transition(loading, height(400)).events).toEqual([{ type: 'ready' }, { type: 'height', height: 400 }]);
    expect(transition(ready, height(500)).events).toEqual([{ type: 'height', height: 500 }]);
    expect(transition(ready, height(400)).events).toEqual([]);
  });

  it('a completion produces a step event with the completed steps, after ready when it made the frame ready', () => {
    const { next, events } = transition(loading, step('compliance'));
    expect(events).toEqual([
      { type: 'ready' },
      { type: 'step', step: 'compliance', status: 'completed', completedSteps: next.completedSteps },
    ]);
    expect(transition(next, step('compliance')).events).toEqual([]);
  });

  it('each save of a sticky step produces a step event', () => {
    const first = transition(ready, step('manage-payouts'));
    const second = transition(first.next, step('manage-payouts', 'completed-saved'));
    expect(first.events).toEqual([
      { type: 'step', step: 'manage-payouts', status: 'completed', completedSteps: first.next.completedSteps },
    ]);
    expect(second.events).toEqual([
      { type: 'step', step: 'manage-payouts', status: 'completed-saved', completedSteps: second.next.completedSteps },
    ]);
  });

  it('the last completion produces step then complete, once', () => {
    const almost = [step('compliance'), step('manage-payouts')].reduce(reducer, ready);
    const { next, events } = transition(almost, step('payout'));
    expect(events.map((event) => event.type)).toEqual(['step', 'complete']);
    expect(transition(next, step('payout')).events).toEqual([]);
    expect(transition(next, height(10)).events).toEqual([{ type: 'height', height: 10 }]);
  });

  it('a failure produces one error event; the same failure again produces none', () => {
    const error = new DotsFlowError('frame_timeout', 'The flow frame did not load.');
    const failed = transition(ready, act.failed(error));
    expect(failed.events).toEqual([{ type: 'error', error }]);
    expect(transition(failed.next, act.failed(error)).events).toEqual([]);
  });

  it('ignored messages produce nothing', () => {
    expect(transition(INITIAL_FLOW_SESSION_STATE, height(10)).events).toEqual([]);
    expect(transition(ready, step('onboarding')).events).toEqual([]);
  });
});
