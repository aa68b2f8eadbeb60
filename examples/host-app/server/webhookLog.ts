import type { LinkResult } from './jsonFileStore.js';

/** One verified `flow.updated` webhook, and what the backend did with it. */
export interface FlowWebhookEntry {
  kind: 'flow';
  seq: number;
  receivedAt: string;
  /** The Svix message id. */
  webhookId: string;
  event: string;
  flowId: string;
  /** From the backend's own `GET /api/v2/flows/{id}` after the webhook: the server truth. */
  completedSteps: string[];
  dotsUserId: string | null;
  /** Whether the flow's `user_id` was stored for the host user (`null`: the flow has no user yet). */
  link: LinkResult | null;
  /** Whether this host user's sign-up is finished (the tax step done, per Dots) after this webhook. */
  payoutsReady: boolean;
}

/** One verified transfer webhook, with the transfer as the backend read it back from Dots. */
export interface TransferWebhookEntry {
  kind: 'transfer';
  seq: number;
  receivedAt: string;
  webhookId: string;
  event: string;
  transferId: string;
  /** Cents in the user's terms: > 0 came in, < 0 went out. */
  amountCents: number;
  description: string;
  status: string;
}

/** One verified `payout_link.*` webhook, with the Payout Link as the backend read it back from Dots. */
export interface PayoutLinkWebhookEntry {
  kind: 'payout_link';
  seq: number;
  receivedAt: string;
  webhookId: string;
  event: string;
  payoutLinkId: string;
  /** Dots' status of the link as read back, or `paid_out` once the payee withdrew it. */
  stage: string;
  amountCents: number;
}

export type WebhookLogEntry = FlowWebhookEntry | TransferWebhookEntry | PayoutLinkWebhookEntry;

/** What `add` takes: an entry without the fields the log fills in. */
export type NewWebhookLogEntry =
  | Omit<FlowWebhookEntry, 'seq' | 'receivedAt'>
  | Omit<TransferWebhookEntry, 'seq' | 'receivedAt'>
  | Omit<PayoutLinkWebhookEntry, 'seq' | 'receivedAt'>;

/** The log channel of events for Acme's admins (Payout Links), beside each host user's own. */
export const ADMIN_CHANNEL = 'admin';

export type WebhookLogListener = (entry: WebhookLogEntry) => void;

export interface WebhookLog {
  add(hostUserId: string, entry: NewWebhookLogEntry): WebhookLogEntry;
  forUser(hostUserId: string): WebhookLogEntry[];
  /** Calls `listener` with each new entry of that user; returns the unsubscribe function. */
  subscribe(hostUserId: string, listener: WebhookLogListener): () => void;
}

/** An in-memory log of verified webhooks per host user, the newest `limit` kept per user. */
export function createWebhookLog({ limit = 200 }: { limit?: number } = {}): WebhookLog {
  const entries = new Map<string, WebhookLogEntry[]>();
  const listeners = new Map<string, Set<WebhookLogListener>>();
  let seq = 0;

  return {
    add(hostUserId, fields) {
      const entry: WebhookLogEntry = { seq: ++seq, receivedAt: new Date().toISOString(), ...fields };
      const list = entries.get(hostUserId) ?? [];
      list.push(entry);
      if (list.length > limit) list.splice(0, list.length - limit);
      entries.set(hostUserId, list);
      for (const listener of listeners.get(hostUserId) ?? []) listener(entry);
      return entry;
    },
    forUser: (hostUserId) => [...(entries.get(hostUserId) ?? [])],
    subscribe(hostUserId, listener) {
      const set = listeners.get(hostUserId) ?? new Set();
      set.add(listener);
      listeners.set(hostUserId, set);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(hostUserId);
      };
    },
  };
}
