import { describe, expect, it } from 'vitest';
import { DotsFlowError } from './DotsFlowError.js';
import { parseFlow } from './parseFlow.js';

const valid = {
  id: '3f9a1c52-7a3e-4f7e-9a55-0d1c0c7d8e21',
  created: '2024-05-01T12:00:00Z',
  user_id: null,
  steps: ['compliance', 'manage-payouts'],
  completed_steps: [],
  link: 'https://my.dots.dev/flow/3f9a1c52-7a3e-4f7e-9a55-0d1c0c7d8e21',
  metadata: { order: '42' },
  payout_link_id: null,
};

function cyclic(): object {
  const value: Record<string, unknown> = {};
  value.self = value;
  return value;
}

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
    const { completed_steps: _c, metadata: _m, user_id: _u, payout_link_id: _p, ...minimal } = valid;
    expect(parseFlow(minimal)).toEqual({
      ...valid,
      completed_steps: [],
      metadata: null,
      user_id: null,
      payout_link_id: null,
    });
  });

  it('accepts every metadata form the spec allows: a string, any JSON object, null', () => {
    expect(parseFlow({ ...valid, metadata: 'order 42' }).metadata).toBe('order 42');
    const nested = { order: 42, paid: true, tags: ['a', { b: null }], note: { deep: { deeper: 1.5 } } };
    const flow = parseFlow({ ...valid, metadata: nested });
    expect(flow.metadata).toEqual(nested);
    expect(flow.metadata).not.toBe(nested);
    expect(Object.isFrozen(flow.metadata)).toBe(true);
    expect(parseFlow({ ...valid, metadata: null }).metadata).toBeNull();
  });

  it('accepts naive and zoned timestamps, and a payout link id', () => {
    for (const created of ['2024-07-11T21:10:30.846081', '2020-12-09T00:40:51.107Z', '2024-01-01T10:00:00+02:00']) {
      expect(parseFlow({ ...valid, created }).created).toBe(created);
    }
    const payoutLinkId = '6c1f0b1e-2a49-4d4e-8f4f-5b6a8a3d2c10';
    expect(parseFlow({ ...valid, payout_link_id: payoutLinkId }).payout_link_id).toBe(payoutLinkId);
  });

  it("parses the example responses of Dots' guides", () => {
    // docs/flows/overview.mdx: carries an "updated" field and no metadata.
    const overview = parseFlow({
      id: '5f0f8f8f-f8f8-f8f8-f8f8-f8f8f8f8f8f8',
      created: '2020-12-09T00:40:51.107Z',
      updated: '2020-12-09T00:40:51.107Z',
      user_id: null,
      steps: ['compliance', 'manage-payouts'],
      completed_steps: [],
      payout_link_id: null,
      link: 'https://my.senddotssandbox.com/flow/5f0f8f8f-f8f8-f8f8-f8f8-f8f8f8f8f8f8',
    });
    expect(overview.steps).toEqual(['compliance', 'manage-payouts']);
    expect(overview).not.toHaveProperty('updated');
    // docs/guides/flow-payouts.mdx: naive timestamp, metadata null, a user after onboarding.
    const payouts = parseFlow({
      id: '0c2a0f8e-1d3b-4b55-9f2a-5d8e7c6b4a39',
      created: '2024-07-11T21:10:30.846081',
      user_id: '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d',
      steps: ['payout'],
      completed_steps: [],
      link: 'https://my-sandbox.dots.dev/flow/0c2a0f8e-1d3b-4b55-9f2a-5d8e7c6b4a39',
      metadata: null,
    });
    expect(payouts.user_id).toBe('9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d');
  });

  it('copies only the known fields', () => {
    const flow = parseFlow({ ...valid, api_key: 'secret', extra: { nested: true } });
    expect(Object.keys(flow).sort()).toEqual([
      'completed_steps',
      'created',
      'id',
      'link',
      'metadata',
      'payout_link_id',
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
    ['an empty created', { ...valid, created: '' }, '"created"'],
    ['a numeric created', { ...valid, created: 1720732230 }, '"created"'],
    ['a numeric payout_link_id', { ...valid, payout_link_id: 7 }, '"payout_link_id"'],
    ['metadata as a list', { ...valid, metadata: ['a'] }, '"metadata"'],
    ['metadata as a number', { ...valid, metadata: 42 }, '"metadata"'],
    ['metadata that refers to itself', { ...valid, metadata: cyclic() }, 'could not be read'],
    ['a BigInt in metadata', { ...valid, metadata: { amount: 10n } }, 'could not be read'],
  ])('rejects %s with invalid_response', (_label, value, field) => {
    const error = errorOf(value);
    expect(error.code).toBe('invalid_response');
    expect(error.message).toContain(field);
    expect(error.message).toContain('POST /api/v2/flows');
  });

  it('keeps a "__proto__" metadata key as plain data without polluting anything', () => {
    const flow = parseFlow(
      JSON.parse(`{"id":"f","created":"2024-01-01T00:00","link":"l","steps":[],"metadata":{"__proto__":"x"}}`),
    );
    expect(Object.getOwnPropertyDescriptor(flow.metadata, '__proto__')?.value).toBe('x');
    expect(Object.getPrototypeOf(flow.metadata)).toBe(Object.prototype);
  });

  it('copies metadata as JSON would, so only plain data survives', () => {
    const flow = parseFlow({ ...valid, metadata: { at: new Date(0), skip: undefined, run: () => 1, n: Number.NaN } });
    expect(flow.metadata).toEqual({ at: '1970-01-01T00:00:00.000Z', n: null });
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
