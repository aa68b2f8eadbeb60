import type { StepInput } from '@dots-flow/core';
import { DotsApiError } from '../DotsApiError.js';
import { isUuid } from '../dotsIds.js';
import type { IdRule } from '../dotsIds.js';
import { createListPromise } from '../listPromise.js';
import type { DotsListParams, DotsListPromise } from '../listPromise.js';
import { isRecord, own } from '../ownFields.js';
import type { DotsCall, DotsCallOptions } from './dotsCall.js';
import { buildListQuery } from './listQuery.js';
import { parseDotsList, parseDotsObject } from './parseDotsObject.js';
import { DOTS_FEE_PARTIES } from './payouts.js';
import type { DotsFeeParty } from './payouts.js';

/** The payout link statuses: the spec's, and `funds_pending` (its 202 answer: the app wallet cannot fund it yet). */
export const DOTS_PAYOUT_LINK_STATUSES = [
  'created',
  'delivery_pending',
  'delivery_failed',
  'sent',
  'delivered',
  'claimed',
  'reversed',
  'canceled',
  'expired',
  'failed',
  'funds_pending',
] as const;
export type DotsPayoutLinkStatus = (typeof DOTS_PAYOUT_LINK_STATUSES)[number];

export const DOTS_DELIVERY_METHODS = ['link', 'sms', 'email', 'all'] as const;

export interface DotsPayee {
  first_name?: string | null;
  last_name?: string | null;
  email?: string | null;
  country_code?: string | null;
  phone_number?: string | null;
}

/** Dots' payout link (spec schema `payout-link`): a flow link (`link`, `flow_id`) that onboards the payee and pays them. */
export interface DotsPayoutLink {
  id: string;
  created: string;
  /** The flow page to send the payee to. */
  link: string;
  flow_id: string;
  /** Cents. */
  amount: number;
  status: DotsPayoutLinkStatus;
  claimed_user_id: string | null;
  /** The transfer that paid the payee's wallet once they claimed the link. */
  transfer_id: string | null;
  payee: DotsPayee;
  delivery: {
    method: (typeof DOTS_DELIVERY_METHODS)[number];
    email?: string | null;
    country_code?: string | null;
    phone_number?: string | null;
  };
  tax_exempt: boolean;
  memo: string | null;
  description?: string | null;
  metadata: string | Record<string, unknown> | null;
  accounting_data?: { quickbooks_account_id?: number | null; quickbooks_class_id?: number | null };
  funding_source?: 'dots_balance' | 'ach';
}

/** `POST /v2/payout-links` (spec request body; only `amount` is required). */
export interface CreatePayoutLinkRequest {
  /** Cents, more than 0. */
  amount: number;
  /** Pay an existing user; left out, the link onboards whoever opens it. */
  user_id?: string;
  payee?: DotsPayee;
  delivery?: { method?: (typeof DOTS_DELIVERY_METHODS)[number]; message?: string };
  force_collect_compliance_information?: boolean;
  tax_exempt?: boolean;
  metadata?: string | Record<string, unknown>;
  memo?: string;
  description?: string;
  /** Generated when left out and reused on the client's own retries, so one call makes one link. */
  idempotency_key?: string;
  payout_fee_party?: DotsFeeParty | null;
  /** Steps added to the link's flow, as in `flows.create`. */
  additional_steps?: StepInput[];
  accounting_data?: { quickbooks_account_id?: number; quickbooks_class_id?: number };
  funding_source?: 'dots_balance' | 'ach';
  hide_go_to_dashboard_on_complete?: boolean;
}

/** Dots' Payout Links API (spec `/v2/payout-links`). */
export interface PayoutLinksResource {
  /**
   * `POST /v2/payout-links`: status `delivered` when your app wallet funded it, `funds_pending` when
   * it waits for funds. Once per `idempotency_key`: a repeat returns the existing link.
   */
  create(request: CreatePayoutLinkRequest, options?: DotsCallOptions): Promise<DotsPayoutLink>;
  /** `GET /v2/payout-links/{id}`. */
  retrieve(id: string, options?: DotsCallOptions): Promise<DotsPayoutLink>;
  /** `GET /v2/payout-links`: a page; iterate with `for await` for every link. */
  list(params?: DotsListParams, options?: DotsCallOptions): DotsListPromise<DotsPayoutLink>;
  /** `DELETE /v2/payout-links/{id}`: cancels a link not yet claimed. Not retried: a repeat would fail. */
  cancel(id: string, options?: DotsCallOptions): Promise<DotsPayoutLink>;
  /** `POST /v2/payout-links/{id}/redeliver`: sends it again (Dots delivers a link up to 5 times). Not retried. */
  redeliver(id: string, options?: DotsCallOptions): Promise<{ payout_link: DotsPayoutLink; redelivered: boolean }>;
}

const FIELDS = [
  'amount',
  'user_id',
  'payee',
  'delivery',
  'force_collect_compliance_information',
  'tax_exempt',
  'metadata',
  'memo',
  'description',
  'idempotency_key',
  'payout_fee_party',
  'additional_steps',
  'accounting_data',
  'funding_source',
  'hide_go_to_dashboard_on_complete',
];

function checkCreatePayoutLink(request: unknown, ids: IdRule): Record<string, unknown> {
  const fail = (message: string) => new DotsApiError('invalid_request', `payoutLinks.create: ${message}`);
  if (!isRecord(request)) throw fail('request must be an object: { amount }.');
  // Dots closes this body (`additionalProperties: false`): a typo would be refused there, so it is here.
  const unknown = Object.keys(request).find((key) => !FIELDS.includes(key));
  if (unknown !== undefined) throw fail(`unknown field "${unknown.slice(0, 40)}"; it takes ${FIELDS.join(', ')}.`);
  const amount = own(request, 'amount');
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0) {
    throw fail('amount must be a whole number of cents, more than 0.');
  }
  const key = own(request, 'idempotency_key') ?? crypto.randomUUID();
  if (!isUuid(key)) throw fail('idempotency_key must be a UUID (e.g. crypto.randomUUID()), or left out.');
  const body: Record<string, unknown> = { amount, idempotency_key: key };
  const userId = own(request, 'user_id');
  if (userId !== undefined) {
    if (!ids.test(userId)) throw fail(`user_id must be a user id: ${ids.describe}.`);
    body.user_id = userId;
  }
  for (const name of ['payee', 'delivery', 'accounting_data'] as const) {
    const value = own(request, name);
    if (value === undefined) continue;
    if (!isRecord(value)) throw fail(`${name} must be an object.`);
    body[name] = value;
  }
  for (const name of [
    'force_collect_compliance_information',
    'tax_exempt',
    'hide_go_to_dashboard_on_complete',
  ] as const) {
    const value = own(request, name);
    if (value === undefined) continue;
    if (typeof value !== 'boolean') throw fail(`${name} must be true or false.`);
    body[name] = value;
  }
  for (const name of ['memo', 'description'] as const) {
    const value = own(request, name);
    if (value === undefined) continue;
    if (typeof value !== 'string') throw fail(`${name} must be a string.`);
    body[name] = value;
  }
  const metadata = own(request, 'metadata');
  if (metadata !== undefined) {
    if (typeof metadata !== 'string' && !isRecord(metadata)) throw fail('metadata must be a string or an object.');
    body.metadata = metadata;
  }
  const feeParty = own(request, 'payout_fee_party');
  if (feeParty !== undefined) {
    if (feeParty !== null && !(DOTS_FEE_PARTIES as readonly unknown[]).includes(feeParty)) {
      throw fail("payout_fee_party must be 'user', 'platform' or null.");
    }
    body.payout_fee_party = feeParty;
  }
  const steps = own(request, 'additional_steps');
  if (steps !== undefined) {
    if (!Array.isArray(steps)) throw fail('additional_steps must be a list of step names or { name, ...options }.');
    body.additional_steps = steps;
  }
  const source = own(request, 'funding_source');
  if (source !== undefined) {
    if (source !== 'dots_balance' && source !== 'ach') throw fail("funding_source must be 'dots_balance' or 'ach'.");
    body.funding_source = source;
  }
  return body;
}

/** The payout links resource over one client's authenticated `call`. */
export function createPayoutLinksResource(call: DotsCall, ids: IdRule): PayoutLinksResource {
  const linkFrom = (value: unknown, what: string) => parseDotsObject<DotsPayoutLink>(value, 'payout link', what);
  const pathOf = (name: string, id: unknown, tail = '') => {
    if (!ids.test(id))
      throw new DotsApiError('invalid_request', `payoutLinks.${name} needs a payout link id: ${ids.describe}.`);
    return `/v2/payout-links/${id}${tail}`;
  };
  return {
    async create(request, options) {
      // The key is fixed before the first attempt: the client's retries return the same link, never a second one.
      const body = checkCreatePayoutLink(request, ids);
      const value = await call({
        method: 'POST',
        path: '/v2/payout-links',
        body,
        idempotent: true,
        signal: options?.signal,
      });
      return linkFrom(value, 'POST /v2/payout-links');
    },
    async retrieve(id, options) {
      const path = pathOf('retrieve', id);
      return linkFrom(await call({ method: 'GET', path, signal: options?.signal }), `GET ${path}`);
    },
    list(params = {}, options) {
      return createListPromise<DotsPayoutLink>(params, async (page) => {
        const query = buildListQuery('payoutLinks.list', page, ids);
        const path = `/v2/payout-links${query ? `?${query}` : ''}`;
        const value = await call({ method: 'GET', path, signal: options?.signal });
        return parseDotsList(value, path, (item) => linkFrom(item, `GET ${path}`));
      });
    },
    async cancel(id, options) {
      const path = pathOf('cancel', id);
      return linkFrom(await call({ method: 'DELETE', path, signal: options?.signal }), `DELETE ${path}`);
    },
    async redeliver(id, options) {
      const path = pathOf('redeliver', id, '/redeliver');
      const value = await call({ method: 'POST', path, signal: options?.signal });
      const redelivered = isRecord(value) ? own(value, 'redelivered') : undefined;
      if (typeof redelivered !== 'boolean') {
        throw new DotsApiError('invalid_response', `Dots API POST ${path} answered without a boolean \`redelivered\`.`);
      }
      return {
        payout_link: linkFrom(own(value as Record<string, unknown>, 'payout_link'), `POST ${path}`),
        redelivered,
      };
    },
  };
}
