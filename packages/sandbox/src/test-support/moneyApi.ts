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
  default_payout_method: string | null;
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

/** Pays `cents` from the app wallet into the user's wallet. */
export async function fundUser(url: string, userId: string, cents: number): Promise<void> {
  const response = await callApi(url, 'POST', '/transfers', { amount: -cents, user_id: userId });
  if (!response.ok) throw new Error(`fund failed: ${response.status} ${await response.text()}`);
}

/** Has the user save `method` (a page test method, e.g. `pm_paypal`) as their default in a `manage-payouts` flow. */
export async function setDefaultMethod(url: string, userId: string, method = 'pm_bank'): Promise<void> {
  const flow = (await (
    await callApi(url, 'POST', '/flows', { steps: ['manage-payouts'], user_id: userId })
  ).json()) as {
    id: string;
  };
  const response = await fetch(`${url}/flow/${flow.id}/steps/manage-payouts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ fields: { default_method: method } }),
  });
  if (!response.ok) throw new Error(`manage-payouts failed: ${response.status} ${await response.text()}`);
}

export interface PayoutLinkAnswer {
  id: string;
  status: string;
  amount: number;
  flow_id: string;
  link: string;
  claimed_user_id: string | null;
  transfer_id: string | null;
}

/** The error code of a refused answer. */
export async function errorOf(response: Response): Promise<{ code: string; message: string; field?: string }> {
  return ((await response.json()) as { error: { code: string; message: string; field?: string } }).error;
}
