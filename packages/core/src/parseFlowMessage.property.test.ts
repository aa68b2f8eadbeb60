import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_FRAME_HEIGHT, parseFlowMessage } from './parseFlowMessage.js';
import { flowStepNameOf, isStepStatus } from './steps.js';

/**
 * Values built to break naive parsers: throwing getters and traps, revoked proxies, cycles, symbols.
 * Generated as factories, because fast-check itself inspects (and would trip over) generated values.
 */
const hostile: fc.Arbitrary<{ make: () => unknown; toString: () => string }> = fc
  .tuple(
    fc.constantFrom('getter', 'revoked', 'throwingTraps', 'cyclic', 'symbol', 'jsonString'),
    fc.anything({ withNullPrototype: true }),
  )
  .map(([kind, inner]) => ({
    make: () => makeHostile(kind, inner),
    toString: () => `${kind}(${fc.stringify(inner)})`,
  }));

function makeHostile(kind: string, inner: unknown): unknown {
  switch (kind) {
    case 'getter':
      return Object.defineProperty({ status: 'completed' }, 'step', {
        enumerable: true,
        get() {
          throw new Error('getter');
        },
      });
    case 'revoked': {
      const { proxy, revoke } = Proxy.revocable({ height: 10 }, {});
      revoke();
      return proxy;
    }
    case 'throwingTraps':
      return new Proxy(typeof inner === 'object' && inner !== null ? inner : { height: 10 }, {
        get: () => {
          throw new Error('get');
        },
        getPrototypeOf: () => Object.prototype,
        getOwnPropertyDescriptor: () => {
          throw new Error('descriptor');
        },
      });
    case 'cyclic': {
      const cyclic: Record<string, unknown> = { inner };
      cyclic.height = cyclic;
      return cyclic;
    }
    case 'symbol':
      return Symbol(fc.stringify(inner));
    default:
      return JSON.stringify({ height: 10, inner: fc.stringify(inner) });
  }
}

const messageLike = fc.record(
  {
    height: fc.oneof(fc.double(), fc.integer(), fc.string(), fc.constant(undefined)),
    step: fc.oneof(fc.constantFrom('payout', 'authorization', 'onboarding', 'nope', '__proto__'), fc.string()),
    status: fc.oneof(fc.constantFrom('completed', 'completed-saved'), fc.string()),
  },
  { requiredKeys: [] },
);

describe('parseFlowMessage properties', () => {
  it('never throws and returns null or a well-formed message, for any value', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything({ withNullPrototype: true, withObjectString: true }).map((value) => ({ make: () => value })),
          messageLike.map((value) => ({ make: () => value })),
          hostile,
        ),
        ({ make }) => {
          const message = parseFlowMessage(make());
          if (message === null) return;
          if (message.type === 'height') {
            expect(Number.isInteger(message.height)).toBe(true);
            expect(message.height).toBeGreaterThan(0);
            expect(message.height).toBeLessThanOrEqual(MAX_FRAME_HEIGHT);
          } else {
            expect(flowStepNameOf(message.step)).toBe(message.step);
            expect(isStepStatus(message.status)).toBe(true);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('accepts every valid height and rounds it up', () => {
    fc.assert(
      fc.property(fc.double({ min: Number.MIN_VALUE, max: MAX_FRAME_HEIGHT, noNaN: true }), (height) => {
        expect(parseFlowMessage({ height })).toEqual({ type: 'height', height: Math.ceil(height) });
      }),
    );
  });
});
