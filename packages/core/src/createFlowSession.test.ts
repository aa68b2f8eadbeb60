import { describe, expect, it, vi } from 'vitest';
import { createFlowSession } from './createFlowSession.js';
import { DotsFlowError } from './DotsFlowError.js';
import { INITIAL_FLOW_SESSION_STATE } from './flowSessionReducer.js';
import { iframe, loaded, ORIGIN, setup } from './flowSession.fixture.js';
import { testFlow } from './testFlow.fixture.js';

describe('createFlowSession: state', () => {
  it('starts creating and walks a flow to completion', () => {
    const { session, events, send } = setup({ steps: ['compliance', 'payout'] });
    expect(session.getSnapshot()).toBe(INITIAL_FLOW_SESSION_STATE);
    session.setFrame(iframe);
    session.flowCreated(testFlow());
    expect(session.getSnapshot()).toMatchObject({ status: 'loading', steps: ['onboarding', 'compliance', 'payout'] });
    expect(send({ height: 480.5 })).toBe(true);
    expect(send({ step: 'authorization', status: 'completed' })).toBe(true);
    expect(send({ step: 'compliance', status: 'completed' })).toBe(true);
    expect(send({ step: 'payout', status: 'completed' })).toBe(true);
    const state = session.getSnapshot();
    expect(state).toMatchObject({ status: 'complete', progress: 1, currentStep: null, height: 481 });
    expect(events.map((event) => event.type)).toEqual(['ready', 'height', 'step', 'step', 'step', 'complete']);
    expect(events[2]).toEqual({
      type: 'step',
      step: 'onboarding',
      status: 'completed',
      completedSteps: [{ step: 'onboarding', status: 'completed' }],
    });
  });

  it('shows onboarding once, first, whichever name the frame uses for it', () => {
    const { session, send } = setup({ steps: ['compliance'] });
    session.setFrame(iframe);
    session.flowCreated(testFlow({ steps: ['compliance'] }));
    expect(send({ step: 'onboard', status: 'completed' })).toBe(true);
    expect(send({ step: 'authentication', status: 'completed' })).toBe(false);
    expect(send({ step: 'onboarding', status: 'completed' })).toBe(false);
    expect(session.getSnapshot()).toMatchObject({
      steps: ['onboarding', 'compliance'],
      completedSteps: [{ step: 'onboarding', status: 'completed' }],
      currentStep: 'compliance',
    });
  });

  it('keeps snapshots referentially stable when nothing changes', () => {
    const { session, send } = loaded();
    send({ height: 300 });
    const snapshot = session.getSnapshot();
    expect(send({ height: 300 })).toBe(false);
    expect(send({ step: 'payout', status: 'completed' })).toBe(false);
    expect(session.getSnapshot()).toBe(snapshot);
    expect(Object.isFrozen(snapshot)).toBe(true);
  });

  it('hasUser leaves out the onboarding step', () => {
    const { session } = loaded({ hasUser: true });
    expect(session.getSnapshot().steps).toEqual(['compliance', 'manage-payouts']);
  });

  it('fail and reset drive error and retry, and the frame stays set', () => {
    const { session, events, send } = loaded();
    const error = new DotsFlowError('frame_timeout', 'The flow frame did not answer.');
    session.fail(error);
    expect(session.getSnapshot()).toMatchObject({ status: 'error', error });
    expect(send({ height: 100 })).toBe(false);
    session.reset();
    expect(session.getSnapshot()).toBe(INITIAL_FLOW_SESSION_STATE);
    session.flowCreated(testFlow({ id: 'flow_2' }));
    expect(send({ height: 100 })).toBe(true);
    expect(events).toEqual([{ type: 'error', error }, { type: 'ready' }, { type: 'height', height: 100 }]);
  });

  it('warns when flowCreated comes twice without a reset', () => {
    const { session, warn } = loaded();
    const snapshot = session.getSnapshot();
    session.flowCreated(testFlow({ id: 'other' }));
    expect(session.getSnapshot()).toBe(snapshot);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('Call reset() first'), undefined);
  });

  it('rejects unknown steps at creation with invalid_request', () => {
    expect(() => createFlowSession({ steps: ['nope' as 'payout'], trustedOrigins: [ORIGIN] })).toThrow(DotsFlowError);
  });
});

describe('createFlowSession: sticky steps', () => {
  it('reports every save of a sticky step and never completes', () => {
    const { session, send, events } = loaded({ hasUser: true });
    send({ step: 'compliance', status: 'completed' });
    send({ step: 'manage-payouts', status: 'completed' });
    send({ step: 'manage-payouts', status: 'completed-saved' });
    send({ step: 'manage-payouts', status: 'completed-saved' });
    send({ step: 'compliance', status: 'completed' });
    const steps = events.filter((event) => event.type === 'step');
    expect(steps.map((event) => event.status)).toEqual([
      'completed',
      'completed',
      'completed-saved',
      'completed-saved',
    ]);
    expect(events.some((event) => event.type === 'complete')).toBe(false);
    expect(session.getSnapshot()).toMatchObject({ status: 'ready', currentStep: 'manage-payouts', progress: 1 });
  });
});

describe('createFlowSession: listeners', () => {
  it('notifies subscribers with the new and previous state, and unsubscribes', () => {
    const { session, send } = loaded();
    const listener = vi.fn();
    const unsubscribe = session.subscribe(listener);
    const before = session.getSnapshot();
    send({ height: 100 });
    expect(listener).toHaveBeenCalledExactlyOnceWith(session.getSnapshot(), before);
    unsubscribe();
    unsubscribe();
    send({ height: 200 });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('stops delivering events after onEvent is unsubscribed', () => {
    const { session, send } = loaded();
    const listener = vi.fn();
    const off = session.onEvent(listener);
    send({ height: 100 });
    off();
    send({ height: 200 });
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('a throwing listener breaks neither the other listeners nor the store', () => {
    const { session, send, onListenerError, events } = loaded();
    const boom = new Error('listener bug');
    const after = vi.fn();
    session.subscribe(() => {
      throw boom;
    });
    session.onEvent(() => {
      throw boom;
    });
    session.subscribe(after);
    expect(send({ height: 100 })).toBe(true);
    expect(after).toHaveBeenCalledTimes(1);
    expect(events).toEqual([{ type: 'ready' }, { type: 'height', height: 100 }]);
    expect(onListenerError).toHaveBeenCalledTimes(3);
    expect(onListenerError).toHaveBeenCalledWith(boom);
    expect(send({ height: 200 })).toBe(true);
    expect(session.getSnapshot().height).toBe(200);
  });

  it('delivers events exactly once and in order when a listener dispatches', () => {
    const { session, send } = loaded({ steps: ['payout'], hasUser: true });
    const seen: string[] = [];
    session.onEvent((event) => {
      seen.push(`a:${event.type}`);
      // Reacting to ready by reporting completion re-enters the store mid-delivery.
      if (event.type === 'ready') send({ step: 'payout', status: 'completed' });
    });
    session.onEvent((event) => seen.push(`b:${event.type}`));
    const states: string[] = [];
    session.subscribe((state) => states.push(state.status));
    send({ height: 100 });
    expect(seen).toEqual([
      'a:ready',
      'b:ready',
      'a:height',
      'b:height',
      'a:step',
      'b:step',
      'a:complete',
      'b:complete',
    ]);
    expect(states).toEqual(['ready', 'complete']);
  });

  it('does not call a listener that an earlier listener removed in the same round', () => {
    const { session, send } = loaded();
    const second = vi.fn();
    let offSecond = () => {};
    session.subscribe(() => offSecond());
    offSecond = session.subscribe(second);
    send({ height: 100 });
    expect(second).not.toHaveBeenCalled();
  });

  it('rethrows listener errors asynchronously by default', async () => {
    const session = createFlowSession({ steps: ['payout'], trustedOrigins: [ORIGIN], warn: () => undefined });
    const boom = new Error('listener bug');
    session.subscribe(() => {
      throw boom;
    });
    const rethrown = new Promise<unknown>((resolve) => {
      const original = globalThis.queueMicrotask;
      globalThis.queueMicrotask = (callback) => {
        globalThis.queueMicrotask = original;
        try {
          callback();
        } catch (error) {
          resolve(error);
        }
      };
    });
    expect(() => session.flowCreated(testFlow())).not.toThrow();
    await expect(rethrown).resolves.toBe(boom);
    expect(session.getSnapshot().status).toBe('loading');
  });
});
