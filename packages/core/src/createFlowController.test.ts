import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFlowController } from './createFlowController.js';
import type { FlowControllerOptions, FlowMessageTarget } from './createFlowController.js';
import { DotsFlowError } from './DotsFlowError.js';
import { testFlow } from './testFlow.fixture.js';

const ORIGIN = 'https://my.dots.dev';

/** A window stand-in that records its message listeners and delivers messages to them. */
function fakeWindow() {
  const listeners = new Set<(event: MessageEvent) => void>();
  const target: FlowMessageTarget = {
    addEventListener: vi.fn(
      (_type: 'message', listener: (event: MessageEvent) => void) => void listeners.add(listener),
    ),
    removeEventListener: vi.fn(
      (_type: 'message', listener: (event: MessageEvent) => void) => void listeners.delete(listener),
    ),
  };
  const post = (data: unknown, source: unknown = frame, origin: unknown = ORIGIN) => {
    for (const listener of [...listeners]) listener({ data, source, origin } as MessageEvent);
  };
  return { target, listeners, post };
}

const frame = { name: 'the flow frame window' };

/** A `create` whose calls the test settles by hand. */
function deferredCreate() {
  const calls: { signal: AbortSignal; resolve: (value: unknown) => void; reject: (error: unknown) => void }[] = [];
  const create = vi.fn(
    (signal: AbortSignal) =>
      new Promise<unknown>((resolve, reject) => {
        calls.push({ signal, resolve, reject });
      }),
  );
  return { create, calls };
}

function setup(options: Partial<FlowControllerOptions> = {}) {
  const { create, calls } = deferredCreate();
  const onListenerError = vi.fn();
  const controller = createFlowController({
    steps: ['compliance'],
    trustedOrigins: [ORIGIN],
    create,
    onListenerError,
    ...options,
  });
  controller.setFrame({ contentWindow: frame });
  return { controller, create, calls, onListenerError, ...fakeWindow() };
}

/** Lets promise callbacks (the controller's hand-over of a settled creation) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.useRealTimers();
});

describe('createFlowController', () => {
  it('creates once on connect and drives the callbacks from the frame, with the flow id', async () => {
    const events: unknown[] = [];
    const { controller, create, calls, target, post } = setup({
      onReady: () => events.push('ready'),
      onHeightChange: (height) => events.push(['height', height]),
      onStepComplete: ({ step, status, flowId, completedSteps }) =>
        events.push([step, status, flowId, completedSteps.length]),
      onComplete: ({ flowId }) => events.push(['complete', flowId]),
    });
    expect(create).not.toHaveBeenCalled();
    controller.connect(target);
    expect(create).toHaveBeenCalledTimes(1);
    expect(calls[0]!.signal).toBeInstanceOf(AbortSignal);
    expect(controller.getSnapshot().status).toBe('creating');
    calls[0]!.resolve(testFlow({ steps: ['onboarding', 'compliance'] }));
    await settle();
    expect(controller.getSnapshot()).toMatchObject({ status: 'loading', flow: { id: 'flow_1' } });
    post({ height: 480 });
    post({ step: 'onboarding', status: 'completed' });
    post({ step: 'compliance', status: 'completed' });
    expect(events).toEqual([
      'ready',
      ['height', 480],
      ['onboarding', 'completed', 'flow_1', 1],
      ['compliance', 'completed', 'flow_1', 2],
      ['complete', 'flow_1'],
    ]);
    expect(controller.getSnapshot().status).toBe('complete');
    expect(calls[0]!.signal.aborted).toBe(false);
  });

  it('is subscribable like its session, and exposes that session', async () => {
    const { controller, calls, target } = setup();
    const seen: string[] = [];
    const stop = controller.subscribe((state) => seen.push(state.status));
    controller.connect(target);
    calls[0]!.resolve(testFlow());
    await settle();
    expect(seen).toEqual(['loading']);
    expect(controller.session.getSnapshot()).toBe(controller.getSnapshot());
    stop();
  });

  it('removes exactly the listener it added, once, and a second connect replaces the first', () => {
    const { controller, target, listeners } = setup();
    const disconnect = controller.connect(target);
    expect(listeners.size).toBe(1);
    const second = fakeWindow();
    const disconnectSecond = controller.connect(second.target);
    expect(listeners.size).toBe(0);
    expect(second.listeners.size).toBe(1);
    // The first connection's disconnect is spent: it leaves the second alone.
    disconnect();
    expect(second.listeners.size).toBe(1);
    disconnectSecond();
    disconnectSecond();
    expect(second.listeners.size).toBe(0);
    expect(second.target.removeEventListener).toHaveBeenCalledTimes(1);
  });

  it('a disconnect aborts an unfinished creation and ignores its outcome; connecting again creates again', async () => {
    const { controller, create, calls, target } = setup();
    const disconnect = controller.connect(target);
    disconnect();
    expect(calls[0]!.signal.aborted).toBe(true);
    calls[0]!.resolve(testFlow());
    await settle();
    expect(controller.getSnapshot().status).toBe('creating');
    controller.connect(target);
    expect(create).toHaveBeenCalledTimes(2);
    calls[1]!.resolve(testFlow({ id: 'flow_2' }));
    await settle();
    expect(controller.getSnapshot().flow?.id).toBe('flow_2');
  });

  it('does not create again when reconnected with a flow already there', async () => {
    const { controller, create, calls, target } = setup();
    const disconnect = controller.connect(target);
    calls[0]!.resolve(testFlow());
    await settle();
    disconnect();
    controller.connect(target);
    expect(create).toHaveBeenCalledTimes(1);
    expect(controller.getSnapshot().status).toBe('loading');
  });

  it('fails with frame_timeout when the frame stays silent, reading frameTimeoutMs when the timer starts', async () => {
    vi.useFakeTimers();
    const onError = vi.fn();
    const { controller, calls, target } = setup({ frameTimeoutMs: 5_000, onError });
    controller.setCallbacks({ frameTimeoutMs: 100, onError });
    controller.connect(target);
    calls[0]!.resolve(testFlow());
    await vi.advanceTimersByTimeAsync(0);
    expect(controller.getSnapshot().status).toBe('loading');
    await vi.advanceTimersByTimeAsync(99);
    expect(onError).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0]).toMatchObject({ code: 'frame_timeout', message: /within 0.1s/ });
    expect(controller.getSnapshot()).toMatchObject({ status: 'error', error: { code: 'frame_timeout' } });
  });

  it('a first message stops the frame timer, and a disconnect leaves no timer behind', async () => {
    vi.useFakeTimers();
    const { controller, calls, target, post } = setup({ frameTimeoutMs: 100 });
    const disconnect = controller.connect(target);
    calls[0]!.resolve(testFlow());
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.getTimerCount()).toBe(1);
    post({ height: 300 });
    expect(vi.getTimerCount()).toBe(0);
    const other = setup({ frameTimeoutMs: 100 });
    const stop = other.controller.connect(other.target);
    other.calls[0]!.resolve(testFlow());
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.getTimerCount()).toBe(1);
    stop();
    expect(vi.getTimerCount()).toBe(0);
    disconnect();
  });

  it('retry lets go of the failed flow and creates a new one; a late answer of the old one is ignored', async () => {
    const onError = vi.fn();
    const { controller, create, calls, target } = setup({ onError });
    controller.connect(target);
    calls[0]!.reject(new DotsFlowError('backend_failed', 'Dots is down'));
    await settle();
    expect(controller.getSnapshot()).toMatchObject({ status: 'error', error: { message: 'Dots is down' } });
    controller.retry();
    expect(controller.getSnapshot().status).toBe('creating');
    expect(create).toHaveBeenCalledTimes(2);
    controller.retry();
    expect(calls[1]!.signal.aborted).toBe(true);
    calls[1]!.resolve(testFlow({ id: 'late' }));
    calls[2]!.resolve(testFlow({ id: 'fresh' }));
    await settle();
    expect(controller.getSnapshot().flow?.id).toBe('fresh');
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('retry while disconnected waits for the next connect to create', () => {
    const { controller, create, target } = setup();
    controller.connect(target)();
    controller.retry();
    expect(create).toHaveBeenCalledTimes(1);
    controller.connect(target);
    expect(create).toHaveBeenCalledTimes(2);
  });

  it('setCallbacks swaps the callbacks for the next events', async () => {
    const first = vi.fn();
    const latest = vi.fn();
    const { controller, calls, target, post } = setup({ onHeightChange: first });
    controller.connect(target);
    calls[0]!.resolve(testFlow());
    await settle();
    post({ height: 100 });
    controller.setCallbacks({ onHeightChange: latest });
    post({ height: 200 });
    expect(first.mock.calls).toEqual([[100]]);
    expect(latest.mock.calls).toEqual([[200]]);
  });
});

describe('createFlowController: hostile and malformed input', () => {
  it('rejects steps that are not Dots steps, like the session', () => {
    expect(() =>
      // @ts-expect-error -- not a step
      createFlowController({ steps: ['withdraw'], trustedOrigins: [ORIGIN], create: async () => testFlow() }),
    ).toThrow(expect.objectContaining({ code: 'invalid_request' }));
  });

  it.each([
    [
      'a create that throws',
      () => () => {
        throw new Error('boom');
      },
      'backend_failed',
    ],
    ['a create that rejects with a string', () => () => Promise.reject('nope'), 'backend_failed'],
    [
      'a create that rejects with a DotsFlowError',
      () => () => Promise.reject(new DotsFlowError('network', 'offline')),
      'network',
    ],
    ['an answer that is null', () => async () => null, 'invalid_response'],
    ['an answer that is not a flow', () => async () => ({ id: 'x' }), 'invalid_response'],
    [
      'an answer whose link is a getter',
      () => async () => {
        const flow = testFlow();
        return Object.defineProperty({ ...flow }, 'link', { get: () => flow.link, enumerable: true });
      },
      'invalid_response',
    ],
    ['a javascript: link', () => async () => testFlow({ link: 'javascript:alert(1)' }), 'untrusted_link'],
    [
      'a look-alike origin',
      () => async () => testFlow({ link: 'https://my.dots.dev.evil.com/flow/1' }),
      'untrusted_link',
    ],
    [
      'a link with credentials',
      () => async () => testFlow({ link: 'https://user:pw@my.dots.dev/flow/1' }),
      'untrusted_link',
    ],
  ])('turns %s into a typed error, never a frame', async (_name, make, code) => {
    const onError = vi.fn();
    const { controller, target } = setup({ create: make() as FlowControllerOptions['create'], onError });
    expect(() => controller.connect(target)).not.toThrow();
    await settle();
    expect(controller.getSnapshot()).toMatchObject({ status: 'error', flow: null, error: { code } });
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0]).toBeInstanceOf(DotsFlowError);
  });

  it('keeps the cause of an unexpected failure', async () => {
    const boom = new TypeError('boom');
    const { controller, target } = setup({ create: () => Promise.reject(boom) });
    controller.connect(target);
    await settle();
    expect(controller.getSnapshot().error?.cause).toBe(boom);
  });

  it('accepts a create that answers without a promise', async () => {
    const { controller, target } = setup({ create: (() => testFlow()) as unknown as FlowControllerOptions['create'] });
    controller.connect(target);
    await settle();
    expect(controller.getSnapshot().status).toBe('loading');
  });

  it.each([null, undefined, 42, {}, { addEventListener: 'no' }])(
    'refuses to connect to %o, with a fix-it error',
    (target) => {
      const { controller, create } = setup();
      expect(() => controller.connect(target as unknown as FlowMessageTarget)).toThrow(
        expect.objectContaining({ code: 'invalid_request', message: expect.stringMatching(/usually `window`/) }),
      );
      expect(create).not.toHaveBeenCalled();
    },
  );

  it('ignores messages from other windows, untrusted origins and malformed payloads', async () => {
    const onStepComplete = vi.fn();
    const onHeightChange = vi.fn();
    const { controller, calls, target, post } = setup({ onStepComplete, onHeightChange, warn: () => {} });
    controller.connect(target);
    calls[0]!.resolve(testFlow());
    await settle();
    post({ step: 'compliance', status: 'completed' }, { name: 'another window' });
    post({ step: 'compliance', status: 'completed' }, frame, 'https://my.dots.dev.evil.com');
    post({ step: 'compliance', status: 'completed' }, frame, 'null');
    post({ height: -1 });
    post('{"height":100}');
    post(null);
    post({ step: 'compliance', status: 'completed', __proto__: { polluted: true } });
    expect(onStepComplete).not.toHaveBeenCalled();
    expect(onHeightChange).not.toHaveBeenCalled();
    expect(controller.getSnapshot().status).toBe('loading');
  });

  it('a throwing callback neither breaks the controller nor hides later events', async () => {
    const later = vi.fn();
    const { controller, calls, target, post, onListenerError } = setup({
      onReady: () => {
        throw new Error('host bug');
      },
      onHeightChange: later,
    });
    controller.connect(target);
    calls[0]!.resolve(testFlow());
    await settle();
    post({ height: 300 });
    post({ height: 310 });
    expect(onListenerError).toHaveBeenCalledTimes(1);
    expect(later.mock.calls).toEqual([[300], [310]]);
  });
});
