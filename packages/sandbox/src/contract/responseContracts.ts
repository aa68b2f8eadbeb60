import type { ObservedResponse } from '../responseObserver.js';
import { WEBHOOK_METHOD } from '../responseObserver.js';
import {
  PAYOUT_LINK_LIST_SCHEMA_ID,
  PAYOUT_LINK_REDELIVERY_SCHEMA_ID,
  PAYOUT_LINK_SCHEMA_ID,
} from './payoutLinkSchema.js';
import { WEBHOOK_EVENT_SCHEMAS } from './webhookSchemas.js';
import type { ContractValidator } from './createContractValidator.js';
import { ERROR_BODY_SCHEMA_ID } from './errorBodySchema.js';
import { FLOW_LIST_SCHEMA_ID } from './flowListSchema.js';
import { FLOW_SCHEMA_ID } from './flowSchema.js';
import { EMPTY_ACK_SCHEMA_ID, TRANSFER_LIST_SCHEMA_ID, USER_LIST_SCHEMA_ID } from './pageSchemas.js';
import { TRANSFER_SCHEMA_ID } from './transferSchema.js';
import { USER_SCHEMA_ID } from './userSchema.js';

/** Which schema a successful API response must match, by method and path. */
export interface ResponseContract {
  method: string;
  path: RegExp;
  schemaId: string;
}

/** The sandbox's API, route by route, then its webhook events (method `WEBHOOK`, path the event type). */
export const RESPONSE_CONTRACTS: readonly ResponseContract[] = [
  { method: 'POST', path: /^\/api\/v2\/flows\/?$/, schemaId: FLOW_SCHEMA_ID },
  { method: 'GET', path: /^\/api\/v2\/flows\/?$/, schemaId: FLOW_LIST_SCHEMA_ID },
  { method: 'GET', path: /^\/api\/v2\/flows\/[^/]+\/?$/, schemaId: FLOW_SCHEMA_ID },
  { method: 'POST', path: /^\/api\/v2\/users\/?$/, schemaId: USER_SCHEMA_ID },
  { method: 'GET', path: /^\/api\/v2\/users\/?$/, schemaId: USER_LIST_SCHEMA_ID },
  { method: 'GET', path: /^\/api\/v2\/users\/[^/]+\/?$/, schemaId: USER_SCHEMA_ID },
  { method: 'POST', path: /^\/api\/v2\/users\/[^/]+\/send-verification-token\/?$/, schemaId: EMPTY_ACK_SCHEMA_ID },
  { method: 'POST', path: /^\/api\/v2\/users\/[^/]+\/verify\/?$/, schemaId: USER_SCHEMA_ID },
  { method: 'POST', path: /^\/api\/v2\/transfers\/?$/, schemaId: TRANSFER_SCHEMA_ID },
  { method: 'GET', path: /^\/api\/v2\/transfers\/?$/, schemaId: TRANSFER_LIST_SCHEMA_ID },
  { method: 'GET', path: /^\/api\/v2\/transfers\/[^/]+\/?$/, schemaId: TRANSFER_SCHEMA_ID },
  { method: 'POST', path: /^\/api\/v2\/payouts\/?$/, schemaId: TRANSFER_SCHEMA_ID },
  { method: 'POST', path: /^\/api\/v2\/payout-links\/?$/, schemaId: PAYOUT_LINK_SCHEMA_ID },
  { method: 'GET', path: /^\/api\/v2\/payout-links\/?$/, schemaId: PAYOUT_LINK_LIST_SCHEMA_ID },
  { method: 'GET', path: /^\/api\/v2\/payout-links\/[^/]+\/?$/, schemaId: PAYOUT_LINK_SCHEMA_ID },
  { method: 'DELETE', path: /^\/api\/v2\/payout-links\/[^/]+\/?$/, schemaId: PAYOUT_LINK_SCHEMA_ID },
  {
    method: 'POST',
    path: /^\/api\/v2\/payout-links\/[^/]+\/redeliver\/?$/,
    schemaId: PAYOUT_LINK_REDELIVERY_SCHEMA_ID,
  },
  ...Object.entries(WEBHOOK_EVENT_SCHEMAS).map(([eventType, schemaId]) => ({
    method: WEBHOOK_METHOD,
    path: new RegExp(`^${eventType.replaceAll('.', '\\.')}$`),
    schemaId,
  })),
];

export interface ResponseCheck {
  /** The schema the response was held against; `null` when the contract says nothing about it (a page file). */
  schemaId: string | null;
  problems: string[];
}

const isJson = (type: string | null) => type !== null && /^application\/json\b/i.test(type);

/**
 * Holds one sandbox response against the contract: every API response, and every JSON error anywhere,
 * must match its schema; a successful API response no contract names is itself a problem.
 */
export function checkResponse(validator: ContractValidator, response: ObservedResponse): ResponseCheck {
  const isApi = response.path.startsWith('/api/') || response.method === WEBHOOK_METHOD;
  const isError = response.status >= 400;
  if (!isApi && !(isError && isJson(response.contentType))) return { schemaId: null, problems: [] };
  const where = `${response.method} ${response.path} → ${response.status}`;
  const schemaId = isError
    ? ERROR_BODY_SCHEMA_ID
    : RESPONSE_CONTRACTS.find((c) => c.method === response.method && c.path.test(response.path))?.schemaId;
  if (schemaId === undefined)
    return { schemaId: null, problems: [`${where}: no schema in RESPONSE_CONTRACTS covers it`] };
  if (!isJson(response.contentType))
    return { schemaId, problems: [`${where}: not JSON (${String(response.contentType)})`] };
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    return { schemaId, problems: [`${where}: the body is not valid JSON`] };
  }
  return { schemaId, problems: validator.problems(schemaId, body).map((problem) => `${where}: ${problem}`) };
}
