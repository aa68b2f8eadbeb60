import { DotsApiError } from './DotsApiError.js';
import { isRecord, own } from './ownFields.js';

/** One page of a Dots list endpoint (spec: `{ has_more, data }`). */
export interface DotsList<T> {
  /** True when there are more items after this page (before it, when paging with `ending_before`). */
  has_more: boolean;
  data: T[];
}

/** Dots' cursor parameters of every list endpoint. */
export interface DotsListParams {
  /** Items per page, 1 to 100 (Dots' default when left out). */
  limit?: number;
  /** The id after which the page starts: the last id of the previous page. */
  starting_after?: string;
  /** The id before which the page ends: the first id of the next page. */
  ending_before?: string;
}

/**
 * The answer of a `list` call: awaited, it is the first page; iterated with `for await`, it is every item
 * on every page, fetched one page at a time. Nothing is sent until it is awaited or iterated.
 */
export interface DotsListPromise<T> extends Promise<DotsList<T>>, AsyncIterable<T> {
  /** Every item from the first page on, at most `limit` of them (required, 1 to 10 000: lists can be long). */
  autoPagingToArray(options: { limit: number }): Promise<T[]>;
}

export const MAX_AUTO_PAGING_ITEMS = 10_000;

/**
 * Builds a lazy list promise over `fetchPage`. With `ending_before` the pages are walked backwards and
 * each page's items are yielded last to first, so iteration always moves away from the cursor.
 * A page that repeats a cursor or announces more items without any is refused, so a loop cannot hang.
 */
export function createListPromise<T extends { id: string }>(
  params: DotsListParams,
  fetchPage: (params: DotsListParams) => Promise<DotsList<T>>,
): DotsListPromise<T> {
  let first: Promise<DotsList<T>> | undefined;
  const firstPage = () => (first ??= fetchPage(params));
  // Read defensively: `params` is checked by `fetchPage`, which reports a bad one on the first page.
  const backwards = isRecord(params) && own(params, 'ending_before') !== undefined;
  const limit = isRecord(params) ? own(params, 'limit') : undefined;

  async function* items(): AsyncGenerator<T, void, undefined> {
    const cursors = new Set<string>();
    let page = await firstPage();
    for (;;) {
      yield* backwards ? [...page.data].reverse() : page.data;
      if (!page.has_more) return;
      const edge = backwards ? page.data[0] : page.data.at(-1);
      if (edge === undefined || cursors.has(edge.id)) {
        throw new DotsApiError(
          'invalid_response',
          'Dots answered has_more: true without new items to page on; stopped to avoid an endless loop.',
        );
      }
      cursors.add(edge.id);
      page = await fetchPage({
        ...(typeof limit === 'number' ? { limit } : {}),
        ...(backwards ? { ending_before: edge.id } : { starting_after: edge.id }),
      });
    }
  }

  return {
    then: (onFulfilled, onRejected) => firstPage().then(onFulfilled, onRejected),
    catch: (onRejected) => firstPage().catch(onRejected),
    finally: (onFinally) => firstPage().finally(onFinally),
    [Symbol.toStringTag]: 'DotsListPromise',
    [Symbol.asyncIterator]: () => items(),
    async autoPagingToArray(options) {
      const limit = (options as { limit?: unknown } | undefined)?.limit;
      if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_AUTO_PAGING_ITEMS) {
        throw new DotsApiError(
          'invalid_request',
          `autoPagingToArray needs { limit }: a whole number from 1 to ${MAX_AUTO_PAGING_ITEMS}.`,
        );
      }
      const out: T[] = [];
      for await (const item of items()) {
        out.push(item);
        if (out.length >= limit) break;
      }
      return out;
    },
  };
}
