import { DotsApiError } from '../DotsApiError.js';
import { isUuid } from '../dotsIds.js';
import type { IdRule } from '../dotsIds.js';
import { createListPromise } from '../listPromise.js';
import type { DotsListParams, DotsListPromise } from '../listPromise.js';
import { isRecord, own } from '../ownFields.js';
import type { DotsCall, DotsCallOptions } from './dotsCall.js';
import { buildListQuery } from './listQuery.js';
import { parseDotsList, parseDotsObject } from './parseDotsObject.js';

/** One movement of money inside a transfer (spec schema `transaction`). */
export interface DotsTransaction {
  id: number;
  amount: number;
  created: string;
  source_name: string;
  destination_name: string;
  type: string;
  metadata?: string | Record<string, unknown> | null;
  transfer_id?: string;
}

/** Dots' transfer object (spec schema `transfer`). */
export interface DotsTransfer {
  id: string;
  created: string;
  user_id: string;
  status: 'created' | 'pending' | 'failed' | 'completed' | 'reversed' | 'canceled' | 'flagged';
  type: 'refill' | 'payout' | 'balance' | 'payment' | 'settlement' | 'payable';
  /** Cents, as requested: negative paid the user, positive charged them. */
  amount: number;
  /** Where a payout went (`platform`: `ach`, `paypal`, …). */
  external_data?: { account_id?: string; external_id?: string; platform?: string };
  transactions: DotsTransaction[];
  payout_link_id?: string | null;
  metadata: string | Record<string, unknown> | null;
}

/** `POST /v2/transfers`. */
export interface CreateTransferRequest {
  /** Whole cents: negative moves money from your app's wallet to the user, positive from the user to the app. */
  amount: number;
  user_id: string;
  /**
   * A UUID that makes the transfer happen once however often it is sent. Generated when left out, and
   * reused on the client's own retries. Pass your own (stored with the order) to survive restarts.
   */
  idempotency_key?: string;
  tax_exempt?: boolean | null;
  metadata?: string | Record<string, unknown> | null;
}

export interface ListTransfersParams extends DotsListParams {
  user_id?: string;
  type?: string;
  status?: string;
  /** ISO date-time. */
  start_date?: string;
  end_date?: string;
  /** Oldest first. */
  reverse_order?: boolean;
}

/** Dots' transfers API (spec `/v2/transfers`). */
export interface TransfersResource {
  /** `POST /v2/transfers`: moves money between your app's wallet and a user's, once per `idempotency_key`. */
  create(request: CreateTransferRequest, options?: DotsCallOptions): Promise<DotsTransfer>;
  /** `GET /v2/transfers/{id}`. */
  retrieve(id: string, options?: DotsCallOptions): Promise<DotsTransfer>;
  /** `GET /v2/transfers`: a page; iterate with `for await` for every transfer. */
  list(params?: ListTransfersParams, options?: DotsCallOptions): DotsListPromise<DotsTransfer>;
}

function checkCreateTransfer(request: unknown, ids: IdRule): Record<string, unknown> {
  const fail = (message: string) => new DotsApiError('invalid_request', `transfers.create: ${message}`);
  if (!isRecord(request)) throw fail('request must be an object: { amount, user_id }.');
  const amount = own(request, 'amount');
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount === 0) {
    throw fail('amount must be a whole, non-zero number of cents (negative pays the user, positive charges them).');
  }
  const userId = own(request, 'user_id');
  if (!ids.test(userId)) throw fail(`user_id must be a user id: ${ids.describe}.`);
  const key = own(request, 'idempotency_key') ?? crypto.randomUUID();
  if (!isUuid(key)) throw fail('idempotency_key must be a UUID (e.g. crypto.randomUUID()), or left out.');
  const body: Record<string, unknown> = { amount, user_id: userId, idempotency_key: key };
  const taxExempt = own(request, 'tax_exempt');
  if (taxExempt !== undefined) {
    if (taxExempt !== null && typeof taxExempt !== 'boolean') throw fail('tax_exempt must be true, false or null.');
    body.tax_exempt = taxExempt;
  }
  const metadata = own(request, 'metadata');
  if (metadata !== undefined) {
    if (metadata !== null && typeof metadata !== 'string' && !isRecord(metadata)) {
      throw fail('metadata must be a string, an object or null.');
    }
    body.metadata = metadata;
  }
  return body;
}

const text = (value: unknown) => {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) throw new Error('must be a short string');
  return value;
};
const dateTime = (value: unknown) => {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new Error('must be an ISO date-time such as 2030-01-31T00:00:00Z');
  }
  return value;
};

/** The transfers resource over one client's authenticated `call`. */
export function createTransfersResource(call: DotsCall, ids: IdRule): TransfersResource {
  const transferFrom = (value: unknown, what: string) => parseDotsObject<DotsTransfer>(value, 'transfer', what);
  return {
    async create(request, options) {
      // The key is fixed here, before the first attempt, so every retry of this call carries the same one.
      const body = checkCreateTransfer(request, ids);
      const value = await call({
        method: 'POST',
        path: '/v2/transfers',
        body,
        idempotent: true,
        signal: options?.signal,
      });
      return transferFrom(value, 'POST /v2/transfers');
    },
    async retrieve(id, options) {
      if (!ids.test(id)) {
        throw new DotsApiError('invalid_request', `transfers.retrieve needs a transfer id: ${ids.describe}.`);
      }
      const path = `/v2/transfers/${id}`;
      return transferFrom(await call({ method: 'GET', path, signal: options?.signal }), `GET ${path}`);
    },
    list(params = {}, options) {
      return createListPromise<DotsTransfer>(params, async (page) => {
        const query = buildListQuery('transfers.list', page, ids, {
          user_id: (value) => {
            if (!ids.test(value)) throw new Error(`must be a user id: ${ids.describe}`);
            return value;
          },
          type: text,
          status: text,
          start_date: dateTime,
          end_date: dateTime,
          reverse_order: (value) => {
            if (typeof value !== 'boolean') throw new Error('must be true or false');
            return String(value);
          },
        });
        const path = `/v2/transfers${query ? `?${query}` : ''}`;
        const value = await call({ method: 'GET', path, signal: options?.signal });
        return parseDotsList(value, path, (item) => transferFrom(item, `GET ${path}`));
      });
    },
  };
}
