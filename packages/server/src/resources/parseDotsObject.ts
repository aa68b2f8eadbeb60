import { DotsApiError } from '../DotsApiError.js';
import { isRecord, own } from '../ownFields.js';
import type { DotsList } from '../listPromise.js';

/**
 * Checks that an answer is a Dots object of the kind asked for (a JSON object with a string `id`) and
 * hands it on typed. Dots adds fields over time, so only the shape the kit relies on is checked.
 */
export function parseDotsObject<T extends { id: string }>(value: unknown, kind: string, what: string): T {
  if (!isRecord(value) || typeof own(value, 'id') !== 'string') {
    throw new DotsApiError(
      'invalid_response',
      `Dots API ${what} answered with something that is not a ${kind} object. Is baseUrl pointing at the Dots API?`,
    );
  }
  return value as T;
}

/** A `{ has_more, data }` page whose items pass `item`. */
export function parseDotsList<T>(value: unknown, path: string, item: (value: unknown) => T): DotsList<T> {
  const hasMore = isRecord(value) ? own(value, 'has_more') : undefined;
  const data = isRecord(value) ? own(value, 'data') : undefined;
  if (typeof hasMore !== 'boolean' || !Array.isArray(data)) {
    throw new DotsApiError(
      'invalid_response',
      `Dots API GET ${path} answered with something that is not a list ({ has_more, data }). Is baseUrl pointing at the Dots API?`,
    );
  }
  return { has_more: hasMore, data: data.map(item) };
}
