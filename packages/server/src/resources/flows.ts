import { parseFlow } from '@dots-flow/core';
import type { CreateFlowRequest, Flow } from '@dots-flow/core';
import { DotsApiError } from '../DotsApiError.js';
import type { IdRule } from '../dotsIds.js';
import { createListPromise } from '../listPromise.js';
import type { DotsList, DotsListParams, DotsListPromise } from '../listPromise.js';
import { isRecord, own } from '../ownFields.js';
import { parseCreateFlowRequest } from '../parseCreateFlowRequest.js';
import type { DotsCall, DotsCallOptions } from './dotsCall.js';

/** Dots' flows API (spec `/v2/flows`, `/v2/flows/{flow_id}`). */
export interface FlowsResource {
  /** `POST /v2/flows`: creates a flow and returns it. The request is checked against the spec first. */
  create(request: CreateFlowRequest, options?: DotsCallOptions): Promise<Flow>;
  /** `GET /v2/flows/{id}`: the flow as Dots knows it now. */
  retrieve(id: string, options?: DotsCallOptions): Promise<Flow>;
  /**
   * `GET /v2/flows`: a page of flows, `{ has_more, data }`. Iterate it with `for await` to walk every page,
   * or call `autoPagingToArray({ limit })`.
   */
  list(params?: DotsListParams, options?: DotsCallOptions): DotsListPromise<Flow>;
}

const LIST_PARAMS = ['limit', 'starting_after', 'ending_before'] as const;

/** The flows resource over one client's authenticated `call`. */
export function createFlowsResource(call: DotsCall, ids: IdRule): FlowsResource {
  const flowFrom = (value: unknown, what: string): Flow => {
    try {
      return parseFlow(value);
    } catch (cause) {
      throw new DotsApiError(
        'invalid_response',
        `Dots API ${what} answered with something that is not a flow object. Is baseUrl pointing at the Dots API?`,
        { cause },
      );
    }
  };

  return {
    async create(request, options) {
      const checked = parseCreateFlowRequest(request, ids);
      if (!checked.ok) throw new DotsApiError('invalid_request', `flows.create: ${checked.message}`);
      const value = await call({ method: 'POST', path: '/v2/flows', body: checked.value, signal: options?.signal });
      return flowFrom(value, 'POST /v2/flows');
    },

    async retrieve(id, options) {
      if (!ids.test(id)) throw new DotsApiError('invalid_request', `flows.retrieve needs a flow id: ${ids.describe}.`);
      const value = await call({ method: 'GET', path: `/v2/flows/${id}`, signal: options?.signal });
      return flowFrom(value, `GET /v2/flows/${id}`);
    },

    list(params = {}, options) {
      return createListPromise<Flow>(params, async (page) => {
        const query = listQuery(page, ids);
        const path = `/v2/flows${query ? `?${query}` : ''}`;
        const value = await call({ method: 'GET', path, signal: options?.signal });
        return listFrom(value, path, (item) => flowFrom(item, `GET ${path}`));
      });
    },
  };
}

/** The query string of a list call, after checking every parameter. */
function listQuery(params: unknown, ids: IdRule): string {
  const fail = (message: string) => new DotsApiError('invalid_request', `flows.list: ${message}`);
  if (!isRecord(params)) throw fail('params must be an object such as { limit: 10 }.');
  const unknown = Object.keys(params).find((key) => !(LIST_PARAMS as readonly string[]).includes(key));
  if (unknown !== undefined)
    throw fail(`unknown parameter "${unknown.slice(0, 40)}"; it takes ${LIST_PARAMS.join(', ')}.`);
  const query = new URLSearchParams();
  const [limit, after, before] = LIST_PARAMS.map((key) => own(params, key));
  if (limit !== undefined) {
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 100) {
      throw fail('limit must be a whole number from 1 to 100.');
    }
    query.set('limit', String(limit));
  }
  if (after !== undefined && before !== undefined) {
    throw fail('pass starting_after or ending_before, not both: each names one end of the page.');
  }
  for (const [key, cursor] of [
    ['starting_after', after],
    ['ending_before', before],
  ] as const) {
    if (cursor === undefined) continue;
    if (!ids.test(cursor)) throw fail(`${key} must be the id of a flow: ${ids.describe}.`);
    query.set(key, cursor);
  }
  return query.toString();
}

function listFrom<T>(value: unknown, path: string, item: (value: unknown) => T): DotsList<T> {
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
