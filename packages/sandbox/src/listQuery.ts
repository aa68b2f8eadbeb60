import type { PageQuery } from './paginate.js';
import { isUuid } from './uuid.js';

/** Dots says 1 to 100 (spec `GET /v2/flows`, `limit`); the default when it is left out is a guess. */
export const DEFAULT_LIST_LIMIT = 10;
export const MAX_LIST_LIMIT = 100;
const PARAMS = ['limit', 'starting_after', 'ending_before'];

export type ListQueryResult = { ok: true; query: PageQuery } | { ok: false; message: string; field: string };

/** Reads `?limit&starting_after&ending_before` (the first value of each); unknown ones refused only in strict mode. */
export function parseListQuery(
  params: URLSearchParams,
  strict: boolean,
  /** The list's own filters (e.g. `user_id`), known in strict mode. */
  filters: readonly string[] = [],
): ListQueryResult {
  if (strict) {
    const known = [...PARAMS, ...filters];
    const unknown = [...params.keys()].find((key) => !known.includes(key));
    if (unknown !== undefined) {
      return {
        ok: false,
        field: unknown,
        message: `Unknown query parameter "${unknown}" (strict mode). Parameters: ${known.join(', ')}.`,
      };
    }
  }
  const rawLimit = params.get('limit');
  let limit = DEFAULT_LIST_LIMIT;
  if (rawLimit !== null) {
    limit = /^\d{1,3}$/.test(rawLimit) ? Number(rawLimit) : NaN;
    if (!(limit >= 1 && limit <= MAX_LIST_LIMIT)) {
      return { ok: false, field: 'limit', message: `\`limit\` must be a whole number from 1 to ${MAX_LIST_LIMIT}.` };
    }
  }
  const startingAfter = params.get('starting_after');
  const endingBefore = params.get('ending_before');
  for (const [field, value] of [
    ['starting_after', startingAfter],
    ['ending_before', endingBefore],
  ] as const) {
    if (value !== null && !isUuid(value)) {
      return { ok: false, field, message: `\`${field}\` must be the id (a UUID) of an object from a previous page.` };
    }
  }
  if (startingAfter !== null && endingBefore !== null) {
    return {
      ok: false,
      field: 'ending_before',
      message: 'Send `starting_after` (next page) or `ending_before` (previous page), not both.',
    };
  }
  return { ok: true, query: { limit, startingAfter, endingBefore } };
}
