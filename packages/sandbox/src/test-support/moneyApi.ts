// Helpers for tests of the sandbox's users and transfers, over real HTTP.
import { randomUUID } from 'node:crypto';
import { AUTH } from './http.js';

/** Any call to `${url}/api/v2${path}`; a string body is sent as is (to test malformed JSON). */
export function callApi(url: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${url}/api/v2${path}`, {
    method,
    headers: { authorization: AUTH, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

/** A valid `POST /v2/users` body (the spec's required fields), unique per call. */
export function newUserBody(over: Record<string, unknown> = {}) {
  return {
    first_name: 'Bob',
    last_name: 'Loblaw',
    email: `bob+${randomUUID().slice(0, 8)}@example.com`,
    country_code: '1',
    phone_number: '4155550100',
    ...over,
  };
}

export interface UserAnswer {
  id: string;
  status: string;
  wallet: { amount: number; withdrawable_amount: number };
  compliance: Record<string, unknown>;
}

export async function createUser(url: string, over: Record<string, unknown> = {}): Promise<UserAnswer> {
  const response = await callApi(url, 'POST', '/users', newUserBody(over));
  if (response.status !== 201) throw new Error(`create user failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as UserAnswer;
}

export async function walletOf(url: string, userId: string): Promise<number> {
  const response = await callApi(url, 'GET', `/users/${userId}`);
  if (!response.ok) throw new Error(`get user failed: ${response.status}`);
  return ((await response.json()) as UserAnswer).wallet.amount;
}

export interface TransferAnswer {
  id: string;
  amount: number;
  type: string;
  user_id: string;
  transactions: { amount: number; transfer_id: string }[];
}
