import type { FlowMetadata, JsonValue } from '@dots-flow/core';
import { isRecord } from './ownFields.js';
import type { Checked } from './ownFields.js';

// Dots documents no limits on metadata ("a set of key-value pairs", spec `POST /v2/flows`); these are the
// kit's own bounds, wide enough for real use, so a hostile body cannot make Dots store anything huge.
export const MAX_METADATA_KEYS = 50;
export const MAX_METADATA_KEY_LENGTH = 64;
export const MAX_METADATA_STRING_LENGTH = 500;
export const MAX_METADATA_DEPTH = 5;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Validates a flow's `metadata`: a string (at most 500 characters) or a JSON object of at most 50 keys,
 * whose values are strings, finite numbers, booleans, null, or arrays and objects nested at most 5 deep.
 * `null` and `undefined` mean "no metadata". Returns a fresh copy.
 */
export function parseFlowMetadata(raw: unknown): Checked<FlowMetadata | undefined, 'invalid_metadata'> {
  if (raw === undefined || raw === null) return { ok: true, value: undefined };
  if (typeof raw !== 'string' && !isRecord(raw)) {
    return invalid('"metadata" must be a string or a JSON object of key-value pairs.');
  }
  try {
    return { ok: true, value: copyJson(raw, '"metadata"', 0) as FlowMetadata };
  } catch (error) {
    if (error instanceof MetadataProblem) return invalid(error.message);
    throw error;
  }
}

const invalid = (message: string) => ({ ok: false as const, code: 'invalid_metadata' as const, message });

class MetadataProblem extends Error {}

/** A fresh copy of a JSON value; throws a `MetadataProblem` saying what is wrong where. */
function copyJson(item: unknown, path: string, depth: number): JsonValue {
  const problem = (message: string) => new MetadataProblem(message);
  if (item === null || typeof item === 'boolean') return item;
  if (typeof item === 'number') {
    if (!Number.isFinite(item)) throw problem(`${path} must be a finite number.`);
    return item;
  }
  if (typeof item === 'string') {
    if (item.length > MAX_METADATA_STRING_LENGTH) {
      throw problem(`${path} may be at most ${MAX_METADATA_STRING_LENGTH} characters.`);
    }
    return item;
  }
  if (typeof item !== 'object') throw problem(`${path} must be a JSON value.`);
  if (depth >= MAX_METADATA_DEPTH) throw problem(`"metadata" may nest at most ${MAX_METADATA_DEPTH} levels deep.`);
  if (Array.isArray(item)) {
    if (item.length > MAX_METADATA_KEYS) throw problem(`${path} may hold at most ${MAX_METADATA_KEYS} items.`);
    return item.map((child: unknown, index) => copyJson(child, `${path}[${index}]`, depth + 1));
  }
  const prototype: unknown = Object.getPrototypeOf(item);
  if (prototype !== Object.prototype && prototype !== null) throw problem(`${path} must be plain JSON data.`);
  const entries = Object.entries(item);
  if (entries.length > MAX_METADATA_KEYS) throw problem(`${path} may hold at most ${MAX_METADATA_KEYS} keys.`);
  const out: Record<string, JsonValue> = {};
  for (const [key, child] of entries) {
    // eslint-disable-next-line no-control-regex
    if (key.length === 0 || key.length > MAX_METADATA_KEY_LENGTH || /[\u0000-\u001f\u007f]/.test(key)) {
      throw problem(`${path} keys must be 1 to ${MAX_METADATA_KEY_LENGTH} printable characters.`);
    }
    if (FORBIDDEN_KEYS.has(key)) throw problem(`${path} key "${key}" is reserved; choose another name.`);
    out[key] = copyJson(child, `${path}.${key}`, depth + 1);
  }
  return out;
}
