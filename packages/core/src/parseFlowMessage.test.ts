import { describe, expect, it } from 'vitest';
import { MAX_FRAME_HEIGHT, parseFlowMessage } from './parseFlowMessage.js';
import { STEPS } from './steps.js';

describe('parseFlowMessage: height messages', () => {
  it('accepts a positive finite height and rounds it up', () => {
    expect(parseFlowMessage({ height: 640 })).toEqual({ type: 'height', height: 640 });
    expect(parseFlowMessage({ height: 640.2 })).toEqual({ type: 'height', height: 641 });
    expect(parseFlowMessage({ height: 0.001 })).toEqual({ type: 'height', height: 1 });
    expect(parseFlowMessage({ height: MAX_FRAME_HEIGHT })).toEqual({ type: 'height', height: MAX_FRAME_HEIGHT });
  });

  it.each([0, -0, -1, -Infinity, Infinity, NaN, MAX_FRAME_HEIGHT + 0.5, 1e9, Number.MAX_VALUE])(
    'rejects the height %s',
    (height) => {
      expect(parseFlowMessage({ height })).toBeNull();
    },
  );

  it.each([['640'], [' 640'], [null], [true], [[640]], [{ valueOf: () => 640 }], [640n]])(
    'rejects a height that is not a number: %s',
    (height) => {
      expect(parseFlowMessage({ height })).toBeNull();
    },
  );

  it('rejects a message carrying a height and any step field', () => {
    expect(parseFlowMessage({ height: 10, step: 'payout', status: 'completed' })).toBeNull();
    expect(parseFlowMessage({ height: 10, step: 'payout' })).toBeNull();
    expect(parseFlowMessage({ height: 10, status: 'completed' })).toBeNull();
  });
});

describe('parseFlowMessage: step messages', () => {
  it.each(STEPS)('accepts a completed %s step', (step) => {
    expect(parseFlowMessage({ step, status: 'completed' })).toEqual({ type: 'step', step, status: 'completed' });
  });

  it('accepts completed-saved and normalises the onboarding aliases', () => {
    expect(parseFlowMessage({ step: 'manage-payouts', status: 'completed-saved' })).toEqual({
      type: 'step',
      step: 'manage-payouts',
      status: 'completed-saved',
    });
    // Dots' docs call the step "onboarding", "onboard" and "authentication"; older builds sent "authorization".
    for (const step of ['authorization', 'onboard', 'authentication']) {
      expect(parseFlowMessage({ step, status: 'completed' })).toEqual({
        type: 'step',
        step: 'onboarding',
        status: 'completed',
      });
    }
    expect(parseFlowMessage({ step: 'onboarding', status: 'completed' })).toMatchObject({ step: 'onboarding' });
  });

  it.each([
    [{ step: 'payout' }],
    [{ status: 'completed' }],
    [{ step: 'payout', status: 'failed' }],
    [{ step: 'payout', status: 'Completed' }],
    [{ step: 'Payout', status: 'completed' }],
    [{ step: 'unknown', status: 'completed' }],
    [{ step: 'constructor', status: 'completed' }],
    [{ step: 'toString', status: 'completed' }],
    [{ step: '__proto__', status: 'completed' }],
    [{ step: ['payout'], status: 'completed' }],
    [{ step: 'payout', status: ['completed'] }],
    [{ step: 'payout', status: undefined }],
  ])('rejects %j', (data) => {
    expect(parseFlowMessage(data)).toBeNull();
  });
});

describe('parseFlowMessage: containers', () => {
  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a number', 640],
    ['a JSON string', '{"height":640}'],
    ['a JSON step string', '{"step":"payout","status":"completed"}'],
    ['a symbol', Symbol('height')],
    ['a bigint', 1n],
    ['a boolean', true],
    ['a function', Object.assign(() => 0, { height: 10 })],
    ['an array', [{ height: 640 }]],
    ['an array with a height', Object.assign([], { height: 640 })],
    ['an empty object', {}],
    ['a class instance', Object.assign(new (class Message {})(), { height: 10 })],
    ['an object with a foreign prototype', Object.assign(Object.create({ polluted: true }) as object, { height: 10 })],
    ['an inherited height', Object.create({ height: 10 })],
    ['a Date', Object.assign(new Date(0), { height: 10 })],
    ['a boxed string', Object.assign(new String('x'), { height: 10 })],
  ])('rejects %s', (_label, data) => {
    expect(parseFlowMessage(data)).toBeNull();
  });

  it('accepts a null-prototype object and ignores unknown keys without copying them', () => {
    const data = Object.assign(Object.create(null) as object, { height: 10, extra: { evil: true } });
    const message = parseFlowMessage(data);
    expect(message).toEqual({ type: 'height', height: 10 });
    expect(Object.keys(message ?? {})).toEqual(['type', 'height']);
    const step = parseFlowMessage({ step: 'payout', status: 'completed', type: 'height', height: undefined });
    expect(step).toEqual({ type: 'step', step: 'payout', status: 'completed' });
  });

  it('rejects an own __proto__ key, as JSON.parse creates it', () => {
    expect(parseFlowMessage(JSON.parse('{"height":10,"__proto__":{"polluted":true}}'))).toBeNull();
    expect(parseFlowMessage(JSON.parse('{"step":"payout","status":"completed","__proto__":null}'))).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('ignores a constructor key instead of following it', () => {
    expect(parseFlowMessage({ constructor: { prototype: { height: 10 } } })).toBeNull();
    expect(parseFlowMessage({ height: 5, constructor: 'Object' })).toEqual({ type: 'height', height: 5 });
  });
});

describe('parseFlowMessage: hostile objects', () => {
  it('returns null for getters, and never runs them', () => {
    let calls = 0;
    const getter = {
      get height() {
        calls += 1;
        return 10;
      },
    };
    const thrower = {
      get step(): string {
        throw new Error('boom');
      },
      status: 'completed',
    };
    expect(parseFlowMessage(getter)).toBeNull();
    expect(parseFlowMessage(thrower)).toBeNull();
    expect(calls).toBe(0);
  });

  it('returns null for a revoked proxy and for proxies whose traps throw', () => {
    const { proxy, revoke } = Proxy.revocable({ height: 10 }, {});
    revoke();
    expect(parseFlowMessage(proxy)).toBeNull();
    const throwing = new Proxy(
      { height: 10 },
      {
        getPrototypeOf: () => {
          throw new Error('trap');
        },
      },
    );
    expect(parseFlowMessage(throwing)).toBeNull();
    const throwingDescriptor = new Proxy(
      { height: 10 },
      {
        getOwnPropertyDescriptor: () => {
          throw new Error('trap');
        },
      },
    );
    expect(parseFlowMessage(throwingDescriptor)).toBeNull();
  });

  it('reads each field once, so a proxy cannot change its answer between checks', () => {
    let reads = 0;
    const shifty = new Proxy({} as Record<string, unknown>, {
      getOwnPropertyDescriptor: (_target, key) => {
        if (key !== 'height') return undefined;
        reads += 1;
        // A valid height on the first read, an absurd one afterwards.
        return { value: reads === 1 ? 100 : 1e12, writable: true, enumerable: true, configurable: true };
      },
    });
    expect(parseFlowMessage(shifty)).toEqual({ type: 'height', height: 100 });
    expect(reads).toBe(1);
  });

  it('handles cyclic objects', () => {
    const cyclic: Record<string, unknown> = { step: 'payout', status: 'completed' };
    cyclic.self = cyclic;
    expect(parseFlowMessage(cyclic)).toEqual({ type: 'step', step: 'payout', status: 'completed' });
  });

  it('returns a fresh object each time', () => {
    const data = { height: 10 };
    const first = parseFlowMessage(data);
    expect(first).not.toBe(data);
    expect(parseFlowMessage(data)).not.toBe(first);
  });
});
