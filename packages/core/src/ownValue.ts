/**
 * Reads an own data property exactly once. The prototype chain is never consulted and no getter
 * ever runs, so a hostile object cannot answer differently between a check and a use.
 * Returns `undefined` when the property is absent; throws a `TypeError` when it is an accessor
 * (callers that must never throw catch it).
 */
export function ownValue(record: object, key: string): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(record, key);
  if (descriptor && !Object.hasOwn(descriptor, 'value')) {
    throw new TypeError(process.env.NODE_ENV !== 'production' ? `"${key}" is an accessor, not a data property` : '');
  }
  return descriptor?.value;
}

/** True for an object whose prototype is `Object.prototype` or `null`: what JSON and `postMessage` produce. */
export function isPlainRecord(value: unknown): value is object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
