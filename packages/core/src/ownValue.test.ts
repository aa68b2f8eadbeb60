import { describe, expect, it } from 'vitest';
import { isPlainRecord, ownValue } from './ownValue.js';

describe('ownValue', () => {
  it('reads own data properties and ignores the prototype chain', () => {
    const inherited = Object.create({ height: 10 }) as object;
    expect(ownValue({ height: 10 }, 'height')).toBe(10);
    expect(ownValue(inherited, 'height')).toBeUndefined();
    expect(ownValue({}, 'toString')).toBeUndefined();
  });

  it('never runs a getter', () => {
    let calls = 0;
    const record = {
      get height() {
        calls += 1;
        return 10;
      },
    };
    expect(() => ownValue(record, 'height')).toThrow(TypeError);
    expect(calls).toBe(0);
  });

  it('reads a proxy once, through getOwnPropertyDescriptor only', () => {
    const traps: string[] = [];
    const proxy = new Proxy(
      { height: 1 },
      {
        get: (target, key) => {
          traps.push(`get ${String(key)}`);
          return Reflect.get(target, key);
        },
        getOwnPropertyDescriptor: (target, key) => {
          traps.push(`descriptor ${String(key)}`);
          return Reflect.getOwnPropertyDescriptor(target, key);
        },
      },
    );
    expect(ownValue(proxy, 'height')).toBe(1);
    expect(traps).toEqual(['descriptor height']);
  });
});

describe('isPlainRecord', () => {
  it('accepts object literals and null-prototype objects', () => {
    expect(isPlainRecord({})).toBe(true);
    expect(isPlainRecord(Object.create(null))).toBe(true);
    expect(isPlainRecord(JSON.parse('{"a":1}'))).toBe(true);
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', '{"height":1}'],
    ['a number', 1],
    ['an array', [1]],
    ['a class instance', new (class Message {})()],
    ['a date', new Date(0)],
    ['a map', new Map()],
    ['an object inheriting from an object', Object.create({})],
    ['a function', () => 1],
  ])('rejects %s', (_label, value) => {
    expect(isPlainRecord(value)).toBe(false);
  });
});
