import { describe, expect, it } from 'vitest';
import { DotsFlowError } from './DotsFlowError.js';
import { parseFlow } from './parseFlow.js';

const valid = {
  id: 'flow_1',
  created: '2024-05-01T12:00:00Z',
  user_id: null,
  steps: ['onboarding', 'compliance'],
  completed_steps: [],
  link: 'https://my.dots.dev/flow/flow_1',
  metadata: { order: '42' },
};

function errorOf(value: unknown): DotsFlowError {
  try {
    parseFlow(value);
  } catch (error) {
    if (error instanceof DotsFlowError) return error;
    throw error;
  }
  throw new Error('expected parseFlow to throw');
}

describe('parseFlow', () => {
  it('returns a fresh, frozen copy of a valid flow', () => {
    const flow = parseFlow(valid);
    expect(flow).toEqual(valid);
    expect(flow).not.toBe(valid);
    expect(flow.steps).not.toBe(valid.steps);
    expect(flow.metadata).not.toBe(valid.metadata);
    expect(Object.isFrozen(flow)).toBe(true);
    expect(Object.isFrozen(flow.steps)).toBe(true);
    expect(Object.isFrozen(flow.metadata)).toBe(true);
  });

  it('accepts a flow with a user, and fills defaults for missing optional fields', () => {
    expect(parseFlow({ ...valid, user_id: 'user_1', metadata: null }).user_id).toBe('user_1');
    const { completed_steps: _c, metadata: _m, user_id: _u, ...minimal } = valid;
    expect(parseFlow(minimal)).toEqual({ ...valid, completed_steps: [], metadata: null, user_id: null });
  });

  it('copies only the known fields', () => {
    const flow = parseFlow({ ...valid, api_key: 'secret', extra: { nested: true } });
    expect(Object.keys(flow).sort()).toEqual([
      'completed_steps',
      'created',
      'id',
      'link',
      'metadata',
      'steps',
      'user_id',
    ]);
  });

  it.each([
    ['null', null, 'not a JSON object'],
    ['a JSON string', JSON.stringify(valid), 'not a JSON object'],
    ['an array', [valid], 'not a JSON object'],
    ['a missing id', { ...valid, id: undefined }, '"id"'],
    ['an empty id', { ...valid, id: '' }, '"id"'],
    ['a numeric id', { ...valid, id: 7 }, '"id"'],
    ['a missing link', { ...valid, link: undefined }, '"link"'],
    ['a link object', { ...valid, link: { href: 'x' } }, '"link"'],
    ['a missing created', { ...valid, created: undefined }, '"created"'],
    ['a numeric user_id', { ...valid, user_id: 5 }, '"user_id"'],
    ['missing steps', { ...valid, steps: undefined }, '"steps"'],
    ['steps as a string', { ...valid, steps: 'compliance' }, '"steps"'],
    ['a non-string step', { ...valid, steps: ['compliance', { name: 'payout' }] }, '"steps[1]"'],
    ['a sparse steps list', { ...valid, steps: Object.assign(new Array<string>(2), { 1: 'payout' }) }, '"steps[0]"'],
    ['completed_steps as an object', { ...valid, completed_steps: {} }, '"completed_steps"'],
    ['metadata as a list', { ...valid, metadata: ['a'] }, '"metadata"'],
    ['a numeric metadata value', { ...valid, metadata: { order: 42 } }, '"metadata.order"'],
  ])('rejects %s with invalid_response', (_label, value, field) => {
    const error = errorOf(value);
    expect(error.code).toBe('invalid_response');
    expect(error.message).toContain(field);
    expect(error.message).toContain('POST /api/v2/flows');
  });

  it('keeps a "__proto__" metadata key as plain data without polluting anything', () => {
    const flow = parseFlow(JSON.parse(`{"id":"f","created":"c","link":"l","steps":[],"metadata":{"__proto__":"x"}}`));
    expect(Object.getOwnPropertyDescriptor(flow.metadata, '__proto__')?.value).toBe('x');
    expect(Object.getPrototypeOf(flow.metadata)).toBe(Object.prototype);
  });

  it('never runs getters', () => {
    let calls = 0;
    const withGetter = Object.defineProperty({ ...valid }, 'id', {
      enumerable: true,
      get() {
        calls += 1;
        return 'flow_1';
      },
    });
    expect(errorOf(withGetter).code).toBe('invalid_response');
    expect(calls).toBe(0);
  });

  it('turns hostile objects into invalid_response, never another error', () => {
    const { proxy, revoke } = Proxy.revocable({ ...valid }, {});
    revoke();
    expect(errorOf(proxy).message).toContain('could not be read');
    const hugeSteps = new Proxy([], {
      getOwnPropertyDescriptor: (target, key) =>
        key === 'length'
          ? { value: 2 ** 32 - 1, writable: true, enumerable: false, configurable: false }
          : Reflect.getOwnPropertyDescriptor(target, key),
    });
    expect(errorOf({ ...valid, steps: hugeSteps }).message).toContain('"steps[0]"');
    expect(errorOf(Object.assign(Object.create({ id: 'inherited' }) as object, valid)).code).toBe('invalid_response');
  });
});
