/** A list request's cursor window: Dots' `limit`, `starting_after`, `ending_before` (spec `GET /v2/flows`). */
export interface PageQuery {
  limit: number;
  startingAfter: string | null;
  endingBefore: string | null;
}

export type PageResult<T> = { ok: true; has_more: boolean; data: T[] } | { ok: false; unknownCursor: string };

/**
 * One page of `items` (already in list order, newest first) after `startingAfter` or before
 * `endingBefore`, Stripe-style: `has_more` says whether the list goes on in the direction of travel.
 */
export function paginate<T extends { id: string }>(items: readonly T[], query: PageQuery): PageResult<T> {
  const cursor = query.startingAfter ?? query.endingBefore;
  const at = cursor === null ? -1 : items.findIndex((item) => item.id === cursor);
  if (cursor !== null && at < 0) return { ok: false, unknownCursor: cursor };
  if (query.endingBefore !== null) {
    const start = Math.max(0, at - query.limit);
    return { ok: true, has_more: start > 0, data: items.slice(start, at) };
  }
  const rest = items.slice(at + 1);
  return { ok: true, has_more: rest.length > query.limit, data: rest.slice(0, query.limit) };
}
