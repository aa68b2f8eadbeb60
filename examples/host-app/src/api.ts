// The browser's view of the host backend. It never sends a Dots user id: the server decides it.
import type { Flow } from '@dots-flow/react';

export interface User {
  id: string;
  name: string;
  /** Set by the backend when a verified webhook shows the Dots user created at onboarding. */
  dotsUserId: string | null;
  /** Sign-up is finished: Dots reports the tax step done (read back by the backend after a webhook). */
  payoutsReady: boolean;
  /** May use the admin page (Payout Links). */
  isAdmin: boolean;
  /** The Dots user was made from Acme's own phone form (white label): Acme verifies and pays out through the API. */
  whiteLabel: boolean;
}

export interface NewAccount {
  name: string;
  email: string;
  password: string;
}

export interface ServerFlow {
  id: string;
  user_id: string | null;
  steps: string[];
  completed_steps: string[];
}

// The backend's own types: the page renders exactly what the backend logs and answers.
export type { WebhookLogEntry } from '../server/webhookLog.js';
export type { HistoryItem } from '../server/walletHistory.js';
import type { HistoryItem } from '../server/walletHistory.js';

export interface Wallet {
  balanceCents: number;
  withdrawableCents: number;
  /** The user's default payout method as a person says it ("PayPal"), or `null` when Dots does not say. */
  payoutMethod: string | null;
  /** Newest first. */
  history: HistoryItem[];
}

export interface GigPayment {
  gigId: string;
  title: string;
  amountCents: number;
  status: string;
  paidAt: string;
  transferId: string;
}

export interface Gig {
  id: string;
  title: string;
  payCents: number;
  payment: GigPayment | null;
}

/** A Payout Link as the admin page shows it: amount, payee and status, read back from Dots by the backend. */
export interface AdminPayoutLink {
  id: string;
  created: string;
  amountCents: number;
  /** The payee's email or phone, when given; `null`: shared by hand. */
  payee: string | null;
  delivery: string;
  status: string;
  /** `status`, or `paid_out` once the payee withdrew the money. */
  stage: string;
  link: string;
  flowId: string | null;
  claimed: boolean;
}

/** What a payee's page gets for a Payout Link: the amount, its status, and its Dots flow to embed. */
export interface PayoutLinkClaim {
  amountCents: number;
  status: string;
  /** The link's flow as Dots returns it; `null` once nothing is left to do (claimed, canceled…). */
  flow: Flow | null;
  /** Set once the payee withdrew: where the money went. */
  paidOut: { amountCents: number; payoutMethod: string | null } | null;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, { credentials: 'same-origin', ...init });
  const body: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
    throw new ApiError(response.status, typeof message === 'string' ? message : `${path} answered ${response.status}`);
  }
  return body as T;
}

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

export const api = {
  config: () => request<{ frameOrigins: string[] }>('/api/config'),
  me: () => request<{ user: User | null }>('/api/me').then((body) => body.user),
  signUp: (account: NewAccount) =>
    request<{ user: User }>('/api/users', json('POST', account)).then((body) => body.user),
  signIn: (credentials: { email: string; password: string }) =>
    request<{ user: User }>('/api/session', json('POST', credentials)).then((body) => body.user),
  signOut: () => request<null>('/api/session', { method: 'DELETE' }),
  flow: (id: string) => request<ServerFlow>(`/api/dots/flows/${encodeURIComponent(id)}`),
  wallet: () => request<Wallet>('/api/wallet'),
  cashOut: (payout: { amountCents: number; requestId: string }) =>
    request<{ payout: { amountCents: number; payoutMethod: string | null; status: string; transferId: string } }>(
      '/api/payouts',
      json('POST', payout),
    ).then((body) => body.payout),
  payoutLinks: () =>
    request<{ payoutLinks: AdminPayoutLink[] }>('/api/admin/payout-links').then((body) => body.payoutLinks),
  createPayoutLink: (input: { amountCents: number; email: string; phone: string; requestId: string }) =>
    request<{ payoutLink: AdminPayoutLink }>('/api/admin/payout-links', json('POST', input)).then(
      (body) => body.payoutLink,
    ),
  claim: (payoutLinkId: string) => request<PayoutLinkClaim>(`/api/payout-links/${encodeURIComponent(payoutLinkId)}`),
  startPhoneVerification: (details: { firstName: string; lastName: string; phone: string }) =>
    request<{ user: User; phoneEnding: string }>('/api/dots-user', json('POST', details)),
  sendCode: () => request<{ sent: boolean }>('/api/dots-user/send-code', { method: 'POST' }),
  verifyCode: (code: string) =>
    request<{ user: User }>('/api/dots-user/verify', json('POST', { code })).then((body) => body.user),
  gigs: () => request<{ gigs: Gig[] }>('/api/gigs').then((body) => body.gigs),
  completeGig: (gigId: string) =>
    request<{ payment: GigPayment; replayed: boolean }>(`/api/gigs/${encodeURIComponent(gigId)}/complete`, {
      method: 'POST',
    }),
};
