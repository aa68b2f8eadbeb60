import { DotsApiError } from '../DotsApiError.js';
import type { IdRule } from '../dotsIds.js';
import { createListPromise } from '../listPromise.js';
import type { DotsListParams, DotsListPromise } from '../listPromise.js';
import { isRecord, own } from '../ownFields.js';
import type { DotsCall, DotsCallOptions } from './dotsCall.js';
import { buildListQuery } from './listQuery.js';
import { parseDotsList, parseDotsObject } from './parseDotsObject.js';

/** The spec's `user.status` values. */
export const DOTS_USER_STATUSES = ['verified', 'unverified', 'disabled', 'in_review'] as const;
export type DotsUserStatus = (typeof DOTS_USER_STATUSES)[number];

/** Dots' user object (spec schema `user`); fields Dots may leave out are optional. */
export interface DotsUser {
  id: string;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone_number: { country_code: string | null; phone_number: string | null };
  default_payout_method?: string | null;
  /** Cents. */
  wallet: { amount: number; withdrawable_amount: number; credit_balance?: number };
  status: DotsUserStatus;
  compliance: {
    id_verified?: boolean;
    has_criminal_activity?: boolean;
    flagged?: boolean;
    background_check?: { status: string; updated?: string };
    [field: string]: unknown;
  };
  metadata: string | Record<string, unknown> | null;
}

/** `POST /v2/users` (white-label creation): the spec's required fields and the optional ones. */
export interface CreateUserRequest {
  first_name: string;
  last_name: string;
  email: string;
  /** Digits, e.g. `"1"`. */
  country_code: string;
  /** Digits, e.g. `"4155550100"`. */
  phone_number: string;
  username?: string;
  /** `YYYY-MM-DD`. */
  date_of_birth?: string;
  metadata?: string | Record<string, unknown>;
}

export interface ListUsersParams extends DotsListParams {
  status?: DotsUserStatus;
}

/** Dots' users API (spec `/v2/users`). */
export interface UsersResource {
  /** `POST /v2/users`: creates a user (white label) and returns it. */
  create(request: CreateUserRequest, options?: DotsCallOptions): Promise<DotsUser>;
  /** `GET /v2/users/{id}`. */
  retrieve(id: string, options?: DotsCallOptions): Promise<DotsUser>;
  /** `GET /v2/users`: a page; iterate with `for await` for every user. */
  list(params?: ListUsersParams, options?: DotsCallOptions): DotsListPromise<DotsUser>;
  /** `POST /v2/users/{id}/send-verification-token`: texts (or, with `use_voice`, calls) the user a code. */
  sendVerificationToken(id: string, params?: { use_voice?: boolean }, options?: DotsCallOptions): Promise<void>;
  /** `POST /v2/users/{id}/verify` with the code the user received. */
  verify(id: string, token: string, options?: DotsCallOptions): Promise<void>;
}

const TEXT_FIELDS = [
  ['first_name', /^[\s\S]{1,50}$/, 'a string of 1 to 50 characters'],
  ['last_name', /^[\s\S]{1,50}$/, 'a string of 1 to 50 characters'],
  ['email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'an email address'],
  ['country_code', /^[0-9]{1,3}$/, '1 to 3 digits, like "1"'],
  ['phone_number', /^[0-9]{1,20}$/, '1 to 20 digits, like "4155550100"'],
] as const;

function checkCreateUser(request: unknown): Record<string, unknown> {
  const fail = (message: string) => new DotsApiError('invalid_request', `users.create: ${message}`);
  if (!isRecord(request))
    throw fail('request must be an object: { first_name, last_name, email, country_code, phone_number }.');
  const body: Record<string, unknown> = {};
  for (const [field, pattern, shape] of TEXT_FIELDS) {
    const value = own(request, field);
    if (typeof value !== 'string' || !pattern.test(value)) throw fail(`${field} is required: ${shape}.`);
    body[field] = value;
  }
  for (const [field, pattern, shape] of [
    ['username', /^[\s\S]{1,50}$/, 'a string of 1 to 50 characters'],
    ['date_of_birth', /^\d{4}-\d{2}-\d{2}$/, 'a date like "1990-12-31"'],
  ] as const) {
    const value = own(request, field);
    if (value === undefined) continue;
    if (typeof value !== 'string' || !pattern.test(value)) throw fail(`${field} must be ${shape}.`);
    body[field] = value;
  }
  const metadata = own(request, 'metadata');
  if (metadata !== undefined) {
    if (typeof metadata !== 'string' && !isRecord(metadata)) throw fail('metadata must be a string or an object.');
    body.metadata = metadata;
  }
  return body;
}

/** The users resource over one client's authenticated `call`. */
export function createUsersResource(call: DotsCall, ids: IdRule): UsersResource {
  const userFrom = (value: unknown, what: string) => parseDotsObject<DotsUser>(value, 'user', what);
  const checkId = (name: string, id: unknown): string => {
    if (!ids.test(id)) throw new DotsApiError('invalid_request', `users.${name} needs a user id: ${ids.describe}.`);
    return id;
  };

  return {
    async create(request, options) {
      const body = checkCreateUser(request);
      return userFrom(
        await call({ method: 'POST', path: '/v2/users', body, signal: options?.signal }),
        'POST /v2/users',
      );
    },
    async retrieve(id, options) {
      const path = `/v2/users/${checkId('retrieve', id)}`;
      return userFrom(await call({ method: 'GET', path, signal: options?.signal }), `GET ${path}`);
    },
    list(params = {}, options) {
      return createListPromise<DotsUser>(params, async (page) => {
        const query = buildListQuery('users.list', page, ids, {
          status: (value) => {
            if (!(DOTS_USER_STATUSES as readonly unknown[]).includes(value)) {
              throw new Error(`must be one of ${DOTS_USER_STATUSES.join(', ')}`);
            }
            return value as string;
          },
        });
        const path = `/v2/users${query ? `?${query}` : ''}`;
        const value = await call({ method: 'GET', path, signal: options?.signal });
        return parseDotsList(value, path, (item) => userFrom(item, `GET ${path}`));
      });
    },
    async sendVerificationToken(id, params = {}, options) {
      const path = `/v2/users/${checkId('sendVerificationToken', id)}/send-verification-token`;
      const useVoice = isRecord(params) ? own(params, 'use_voice') : null;
      if (useVoice !== undefined && typeof useVoice !== 'boolean') {
        throw new DotsApiError(
          'invalid_request',
          'users.sendVerificationToken: params must be { use_voice?: boolean }.',
        );
      }
      await call({
        method: 'POST',
        path,
        body: useVoice === undefined ? {} : { use_voice: useVoice },
        signal: options?.signal,
      });
    },
    async verify(id, token, options) {
      const path = `/v2/users/${checkId('verify', id)}/verify`;
      if (typeof token !== 'string' || token.length < 6 || token.length > 64) {
        throw new DotsApiError(
          'invalid_request',
          'users.verify needs the token the user received (at least 6 characters).',
        );
      }
      await call({ method: 'POST', path, body: { token }, signal: options?.signal });
    },
  };
}
