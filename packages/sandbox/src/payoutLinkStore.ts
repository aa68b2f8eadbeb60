import { randomUUID } from 'node:crypto';
import { SANDBOX_DEFAULTS } from './defaults.js';
import type { FlowStore, StoredFlow } from './flowStore.js';
import { createIdempotencyCache } from './idempotencyCache.js';
import { paginate } from './paginate.js';
import type { PageQuery, PageResult } from './paginate.js';
import type { Notify } from './payoutStore.js';
import { toPayoutLinkObject } from './toPayoutLinkObject.js';
import { toTransferObject } from './toTransferObject.js';
import type { TransferStore } from './transferStore.js';
import type { SandboxUser } from './userStore.js';
import type { ValidCreatePayoutLink } from './validateCreatePayoutLink.js';

/**
 * The spec's `payout-link.status` values, plus `funds_pending`, which the spec's 202 answer names
 * but its enum leaves out.
 */
export const PAYOUT_LINK_STATUSES = [
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
export type PayoutLinkStatus = (typeof PAYOUT_LINK_STATUSES)[number];

/** "Payout links will be delivered up to 5 times" (spec `redeliver`). */
export const MAX_DELIVERIES = 5;

export interface StoredPayoutLink {
  id: string;
  createdMs: number;
  flowId: string;
  request: ValidCreatePayoutLink;
  status: PayoutLinkStatus;
  claimedUserId: string | null;
  /** The transfer that paid the amount into the payee's wallet when they claimed it. */
  transferId: string | null;
  /** The amount is held out of the app wallet for this link. */
  funded: boolean;
  deliveries: number;
}

export type CancelResult = { ok: true; link: StoredPayoutLink } | { ok: false; message: string };

export interface PayoutLinkStore {
  /** Creates the link and its flow, or answers the link made with the same idempotency key. */
  create(request: ValidCreatePayoutLink): { link: StoredPayoutLink; replayed: boolean };
  get(id: string): StoredPayoutLink | undefined;
  list(query: PageQuery): PageResult<StoredPayoutLink>;
  cancel(id: string): CancelResult | undefined;
  redeliver(id: string): { link: StoredPayoutLink; redelivered: boolean } | undefined;
  /** The link's flow has a user now (onboarding, or created for one): they claim it once it is funded. */
  userReady(flow: StoredFlow, user: SandboxUser): void;
  /** A payout from a link flow's `payout` step (on `method`, the rail; `withdrewCents` taken out): `payout_link.paid_out`. */
  paidOut(flow: StoredFlow, payout: { method: string; withdrewCents: number }): void;
}

const CLOSED: readonly PayoutLinkStatus[] = ['claimed', 'canceled', 'reversed', 'expired', 'failed'];

/**
 * Payout Links (spec `/v2/payout-links`). Creating one holds its amount out of the app wallet (or
 * waits, `funds_pending`, until the wallet can); claiming pays it into the payee's wallet, from
 * which the link flow's `payout` step withdraws it.
 */
export function createPayoutLinkStore(options: {
  flows: FlowStore;
  transfers: TransferStore;
  now: () => number;
  baseUrl: () => string;
  notify: Notify;
  maxLinks?: number;
}): PayoutLinkStore {
  const { flows, transfers, now, baseUrl, notify, maxLinks = 10_000 } = options;
  const links = new Map<string, StoredPayoutLink>();
  const keys = createIdempotencyCache<StoredPayoutLink>(now);
  const object = (link: StoredPayoutLink) => toPayoutLinkObject(link, baseUrl());
  // docs/webhooks.yaml: the sent/claimed/paid_out bodies are the link object plus the amount it was made for.
  const eventBody = (link: StoredPayoutLink) => ({ ...object(link), original_amount: link.request.amountCents });
  const updated = (link: StoredPayoutLink) =>
    notify('payout_link.updated', {
      api_app_id: SANDBOX_DEFAULTS.appId,
      original_amount: link.request.amountCents,
      ...object(link),
    });

  const claim = (link: StoredPayoutLink, user: SandboxUser) => {
    if (!link.funded || link.status === 'claimed' || CLOSED.includes(link.status)) return;
    user.balanceCents += link.request.amountCents;
    const transfer = transfers.record({
      userId: user.id,
      amountCents: -link.request.amountCents,
      type: 'balance',
      taxExempt: link.request.taxExempt,
      metadata: link.request.metadata,
      payoutLinkId: link.id,
      payout: null,
    });
    link.transferId = transfer.id;
    link.claimedUserId = user.id;
    link.status = 'claimed';
    notify('transfer.completed', { transfer: toTransferObject(transfer), transfer_id: transfer.id });
    notify('payout_link.claimed', eventBody(link));
    updated(link);
  };

  const claimIfReady = (link: StoredPayoutLink) => {
    const flow = flows.getFlow(link.flowId);
    const user = flow?.userId ? flows.getUser(flow.userId) : undefined;
    if (user) claim(link, user);
  };

  const fund = (link: StoredPayoutLink): boolean => {
    if (!transfers.app.take(link.request.amountCents)) return false;
    link.funded = true;
    link.status = 'delivered';
    link.deliveries = 1;
    return true;
  };

  // Money arriving in the app wallet funds waiting links, oldest first.
  transfers.onAppCredited(() => {
    for (const link of links.values()) {
      if (link.status !== 'funds_pending' || !fund(link)) continue;
      updated(link);
      notify('payout_link.sent', eventBody(link));
      claimIfReady(link);
    }
  });

  return {
    create(request) {
      if (request.idempotencyKey !== null) {
        const seen = keys.get(request.idempotencyKey);
        if (seen) return { link: seen, replayed: true };
      }
      const flow = flows.createFlow({
        steps: request.steps,
        userId: request.userId,
        metadata: null,
        hideGoToDashboard: request.hideGoToDashboard,
        requireAuth: false,
      });
      const link: StoredPayoutLink = {
        id: randomUUID(),
        createdMs: now(),
        flowId: flow.id,
        request,
        status: 'funds_pending',
        claimedUserId: null,
        transferId: null,
        funded: false,
        deliveries: 0,
      };
      flow.payoutLinkId = link.id;
      links.set(link.id, link);
      if (links.size > maxLinks) {
        const oldest = links.keys().next().value;
        if (oldest !== undefined) links.delete(oldest);
      }
      if (request.idempotencyKey !== null) keys.remember(request.idempotencyKey, link);
      if (fund(link)) {
        notify('payout_link.sent', eventBody(link));
        claimIfReady(link);
      }
      return { link, replayed: false };
    },
    get: (id) => links.get(id),
    list: (query) => paginate([...links.values()].reverse(), query),
    cancel(id) {
      const link = links.get(id);
      if (!link) return undefined;
      if (CLOSED.includes(link.status)) {
        return {
          ok: false,
          message: `This payout link is ${link.status}: only a link not yet claimed can be canceled.`,
        };
      }
      link.status = 'canceled';
      if (link.funded) {
        link.funded = false;
        transfers.app.give(link.request.amountCents);
      }
      updated(link);
      return { ok: true, link };
    },
    redeliver(id) {
      const link = links.get(id);
      if (!link) return undefined;
      const can = (link.status === 'delivered' || link.status === 'sent') && link.deliveries < MAX_DELIVERIES;
      if (can) {
        link.deliveries += 1;
        notify('payout_link.sent', eventBody(link));
      }
      return { link, redelivered: can };
    },
    userReady(flow, user) {
      const link = flow.payoutLinkId === null ? undefined : links.get(flow.payoutLinkId);
      if (link) claim(link, user);
    },
    paidOut(flow, payout) {
      const link = flow.payoutLinkId === null ? undefined : links.get(flow.payoutLinkId);
      // webhooks.yaml: paid_out adds how (`method`) and how much (`withdrew_amount`) the payee took out.
      if (link) {
        notify('payout_link.paid_out', {
          ...eventBody(link),
          method: payout.method,
          withdrew_amount: payout.withdrewCents,
        });
      }
    },
  };
}
