import { randomUUID } from 'node:crypto';
import type { PageQuery, PageResult } from './paginate.js';
import { paginate } from './paginate.js';
import type { UserStore } from './userStore.js';
import type { ValidCreateTransfer } from './validateCreateTransfer.js';

/** The spec's `transfer.type` values this sandbox produces: app → user is `balance`, user → app `payment`. */
export type TransferType = 'balance' | 'payment';

export interface StoredTransfer {
  id: string;
  createdMs: number;
  userId: string;
  amountCents: number;
  type: TransferType;
  status: 'completed';
  taxExempt: boolean | null;
  metadata: string | Record<string, unknown> | null;
  /** The spec's `transaction.id` is an integer. */
  transactionId: number;
}

export type CreateTransferResult =
  | { ok: true; transfer: StoredTransfer; replayed: boolean }
  | { ok: false; code: 'transaction-insufficient-funds' | 'not-found'; message: string; field: string };

export interface TransferFilter {
  userId: string | null;
  type: string | null;
  status: string | null;
  startMs: number | null;
  endMs: number | null;
  reverseOrder: boolean;
}

export interface TransferStore {
  /** Moves the money and records the transfer, or answers the first transfer made with the same idempotency key. */
  create(input: ValidCreateTransfer): CreateTransferResult;
  get(id: string): StoredTransfer | undefined;
  list(filter: TransferFilter, query: PageQuery): PageResult<StoredTransfer>;
  /** Cents in the app's wallet; never below 0. */
  appBalanceCents(): number;
}

export interface TransferStoreOptions {
  users: UserStore;
  now: () => number;
  appBalanceCents: number;
  /** How long an idempotency key is remembered: 24 h, as `docs/references/idempotency.mdx` says. */
  idempotencyMs?: number;
  maxTransfers?: number;
}

export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * The app wallet and the transfers between it and users' wallets. Every check and move happens in one
 * synchronous call, so concurrent requests (even with one idempotency key) cannot interleave: no double
 * spend, no balance below zero.
 */
export function createTransferStore(options: TransferStoreOptions): TransferStore {
  const { users, now, idempotencyMs = IDEMPOTENCY_WINDOW_MS, maxTransfers = 10_000 } = options;
  let appBalance = options.appBalanceCents;
  let nextTransactionId = 1;
  const transfers = new Map<string, StoredTransfer>();
  const keys = new Map<string, { transfer: StoredTransfer; expiresMs: number }>();

  const forgetExpiredKeys = (at: number) => {
    // Insertion order is expiry order: stop at the first live key.
    for (const [key, entry] of keys) {
      if (entry.expiresMs > at) break;
      keys.delete(key);
    }
  };

  return {
    create(input) {
      const at = now();
      forgetExpiredKeys(at);
      if (input.idempotencyKey !== null) {
        const seen = keys.get(input.idempotencyKey);
        if (seen) return { ok: true, transfer: seen.transfer, replayed: true };
      }
      const user = users.get(input.userId);
      if (!user) return { ok: false, code: 'not-found', message: `No user "${input.userId}".`, field: 'user_id' };
      const cents = Math.abs(input.amountCents);
      const toUser = input.amountCents < 0;
      const available = toUser ? appBalance : user.balanceCents;
      if (cents > available) {
        const wallet = toUser ? "The app's wallet" : "The user's wallet";
        return {
          ok: false,
          code: 'transaction-insufficient-funds',
          message: `${wallet} holds ${available} cents, less than the ${cents} to move. ${toUser ? 'Fund the app wallet (startSandbox({ appBalance })) or send less.' : 'Charge less, or pay the user first.'}`,
          field: 'amount',
        };
      }
      if (toUser) {
        appBalance -= cents;
        user.balanceCents += cents;
      } else {
        user.balanceCents -= cents;
        appBalance += cents;
      }
      const transfer: StoredTransfer = {
        id: randomUUID(),
        createdMs: at,
        userId: user.id,
        amountCents: input.amountCents,
        type: toUser ? 'balance' : 'payment',
        status: 'completed',
        taxExempt: input.taxExempt,
        metadata: input.metadata,
        transactionId: nextTransactionId++,
      };
      transfers.set(transfer.id, transfer);
      if (transfers.size > maxTransfers) {
        const oldest = transfers.keys().next().value;
        if (oldest !== undefined) transfers.delete(oldest);
      }
      if (input.idempotencyKey !== null) keys.set(input.idempotencyKey, { transfer, expiresMs: at + idempotencyMs });
      return { ok: true, transfer, replayed: false };
    },
    get: (id) => transfers.get(id),
    list(filter, query) {
      const matching = [...transfers.values()].filter(
        (t) =>
          (filter.userId === null || t.userId === filter.userId) &&
          (filter.type === null || t.type === filter.type) &&
          (filter.status === null || t.status === filter.status) &&
          (filter.startMs === null || t.createdMs >= filter.startMs) &&
          (filter.endMs === null || t.createdMs <= filter.endMs),
      );
      return paginate(filter.reverseOrder ? matching : matching.reverse(), query);
    },
    appBalanceCents: () => appBalance,
  };
}
