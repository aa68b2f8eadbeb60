import { describe, expect, it } from 'vitest';
import { parseFlowMetadata } from './parseFlowMetadata.js';

const nest = (depth: number): unknown => (depth === 0 ? 'leaf' : { a: nest(depth - 1) });

describe('parseFlowMetadata', () => {
  it('takes a string or a JSON object of key-value pairs (spec: type string | object), as a fresh copy', () => {
    const object = { order: 'A-1', priority: 1, paid: false, note: null, tags: ['x', 2], nested: { a: { b: 'c' } } };
    const result = parseFlowMetadata(object);
    expect(result).toEqual({ ok: true, value: object });
    if (result.ok) expect(result.value).not.toBe(object);
    expect(parseFlowMetadata('order A-1')).toEqual({ ok: true, value: 'order A-1' });
    expect(parseFlowMetadata('')).toEqual({ ok: true, value: '' });
    expect(parseFlowMetadata({})).toEqual({ ok: true, value: {} });
    expect(parseFlowMetadata({ ['k'.repeat(64)]: 'v', 'a b': 'spaces are fine' })).toMatchObject({ ok: true });
    expect(parseFlowMetadata(nest(5))).toMatchObject({ ok: true });
    expect(parseFlowMetadata(Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i])))).toMatchObject({
      ok: true,
    });
  });

  it('treats null and undefined as no metadata', () => {
    expect(parseFlowMetadata(null)).toEqual({ ok: true, value: undefined });
    expect(parseFlowMetadata(undefined)).toEqual({ ok: true, value: undefined });
  });

  const cyclic: Record<string, unknown> = {};
  cyclic['self'] = cyclic;

  it.each([
    [42, 'a string or a JSON object'],
    [true, 'a string or a JSON object'],
    [['a'], 'a string or a JSON object'],
    ['x'.repeat(501), 'at most 500'],
    [{ a: 'x'.repeat(501) }, '"metadata".a may be at most 500'],
    [{ a: Number.NaN }, 'finite number'],
    [{ a: Number.POSITIVE_INFINITY }, 'finite number'],
    [{ a: undefined }, 'JSON value'],
    [{ a: () => 1 }, 'JSON value'],
    [{ a: 1n }, 'JSON value'],
    [{ a: new Date(0) }, 'plain JSON data'],
    [{ a: new Map() }, 'plain JSON data'],
    [{ '': 'x' }, '1 to 64 printable'],
    [{ ['k'.repeat(65)]: 'x' }, '1 to 64 printable'],
    [{ 'a\u0000b': 'x' }, '1 to 64 printable'],
    [JSON.parse('{"__proto__":"x"}'), 'reserved'],
    [{ constructor: 'x' }, 'reserved'],
    [{ a: JSON.parse('{"__proto__":{"polluted":true}}') }, 'reserved'],
    [{ a: { prototype: 1 } }, 'reserved'],
    [Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])), 'at most 50 keys'],
    [{ a: Array.from({ length: 51 }, () => 1) }, 'at most 50 items'],
    [nest(6), 'at most 5 levels'],
    [cyclic, 'at most 5 levels'],
  ])('refuses %#: %s', (metadata, hint) => {
    const result = parseFlowMetadata(metadata);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe('invalid_metadata');
      expect(result.message).toContain(hint);
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
