import { DotsApiError } from '../DotsApiError.js';
import type { IdRule } from '../dotsIds.js';
import { isRecord, own } from '../ownFields.js';

/** Turns one extra list filter into its query value, or throws a message saying what it must be. */
export type ListFilter = (value: unknown) => string;

/**
 * The query string of a list call (`limit`, `starting_after`, `ending_before` and the resource's own
 * filters), after checking every parameter; `name` (e.g. `users.list`) prefixes each error.
 */
export function buildListQuery(
  name: string,
  params: unknown,
  ids: IdRule,
  filters: Readonly<Record<string, ListFilter>> = {},
): string {
  const fail = (message: string) => new DotsApiError('invalid_request', `${name}: ${message}`);
  if (!isRecord(params)) throw fail('params must be an object such as { limit: 10 }.');
  const known = ['limit', 'starting_after', 'ending_before', ...Object.keys(filters)];
  const unknown = Object.keys(params).find((key) => !known.includes(key));
  if (unknown !== undefined) throw fail(`unknown parameter "${unknown.slice(0, 40)}"; it takes ${known.join(', ')}.`);
  const query = new URLSearchParams();
  const limit = own(params, 'limit');
  if (limit !== undefined) {
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 100) {
      throw fail('limit must be a whole number from 1 to 100.');
    }
    query.set('limit', String(limit));
  }
  const after = own(params, 'starting_after');
  const before = own(params, 'ending_before');
  if (after !== undefined && before !== undefined) {
    throw fail('pass starting_after or ending_before, not both: each names one end of the page.');
  }
  for (const [key, cursor] of [
    ['starting_after', after],
    ['ending_before', before],
  ] as const) {
    if (cursor === undefined) continue;
    if (!ids.test(cursor)) throw fail(`${key} must be an id from a previous page: ${ids.describe}.`);
    query.set(key, cursor);
  }
  for (const [key, toQuery] of Object.entries(filters)) {
    const value = own(params, key);
    if (value === undefined) continue;
    try {
      query.set(key, toQuery(value));
    } catch (error) {
      throw fail(`${key} ${error instanceof Error ? error.message : 'is invalid'}.`);
    }
  }
  return query.toString();
}
