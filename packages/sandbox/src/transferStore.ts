import { randomUUID } from 'node:crypto';
import { createIdempotencyCache } from './idempotencyCache.js';
import type { PageQuery, PageResult } from './paginate.js';
import { paginate } from './paginate.js';
import type { UserStore } from './userStore.js';
import type { ValidCreateTransfer } from './validateCreateTransfer.js';

export { IDEMPOTENCY_WINDOW_MS } from './idempotencyCache.js';

/**
 * The spec's `transfer.type` values this sandbox produces: app → user is `balance`, user → app
 * `payment`, user wallet → payout method `payout`.
 */
export type TransferType = 'balance' | 'payment' | 'payout';

/** Who pays a payout's fee (spec `payout_fee_party`). */
export type FeeParty = 'user' | 'platform';

export interface PayoutDetails {
  /** The rail the money left on (spec `external_data.platform`). */
  platform: 'ach' | 'paypal' | 'venmo';
  feeCents: number;
  feeParty: FeeParty;
}

export interface StoredTransfer {
  id: string;
  createdMs: number;
  userId: string;
  /** Cents as the API shows them: a transfer's as sent, a payout's positive. */
  amountCents: number;
  type: TransferType;
  status: 'completed';
  taxExempt: boolean | null;
  metadata: string | Record<string, unknown> | null;
  /** The spec's `transaction.id` is an integer; a payout with a fee uses this one and the next. */
  transactionId: number;
  payoutLinkId: string | null;
  payout: PayoutDetails | null;
}

export type InsufficientFunds = {
  ok: false;
  code: 'transaction-insufficient-funds';
  message: string;
  field: string;
};

export type CreateTransferResult =
  | { ok: true; transfer: StoredTransfer; replayed: boolean }
  | InsufficientFunds
  | { ok: false; code: 'not-found'; message: string; field: string };

export interface TransferFilter {
  userId: string | null;
  type: string | null;
  status: string | null;
  startMs: number | null;
  endMs: number | null;
  reverseOrder: boolean;
}

/** The app's Dots wallet. Every method is synchronous: a check and its move cannot interleave. */
export interface AppWallet {
  balanceCents(): number;
  /** Takes `cents` when the wallet holds them; false (and nothing moves) otherwise. */
  take(cents: number): boolean;
  give(cents: number): void;
}

export interface TransferStore {
  /** Moves the money and records the transfer, or answers the first transfer made with the same idempotency key. */
  create(input: ValidCreateTransfer): CreateTransferResult;
  /** Records a transfer whose money the caller has just moved (payouts, payout links). */
  record(fields: Omit<StoredTransfer, 'id' | 'createdMs' | 'status' | 'transactionId'>): StoredTransfer;
  get(id: string): StoredTransfer | undefined;
  list(filter: TransferFilter, query: PageQuery): PageResult<StoredTransfer>;
  /** Cents in the app's wallet; never below 0. */
  appBalanceCents(): number;
  app: AppWallet;
  /** Called after money arrives in the app wallet (pending payout links wait for it). */
  onAppCredited(listener: () => void): void;
}

export interface TransferStoreOptions {
  users: UserStore;
  now: () => number;
  appBalanceCents: number;
  /** How long an idempotency key is remembered (default 24 h). */
  idempotencyMs?: number;
  maxTransfers?: number;
}

/** The refusal for a wallet holding less than a move needs. */
export function insufficientFunds(wallet: string, available: number, cents: number, fix: string): InsufficientFunds {
  return {
    ok: false,
    code: 'transaction-insufficient-funds',
    message: `${wallet} holds ${available} cents, less than the ${cents} to move. ${fix}`,
    field: 'amount',
  };
}

/**
 * The app wallet and the transfers between it and users' wallets. Every check and move happens in one
 * synchronous call, so concurrent requests (even with one idempotency key) cannot interleave: no double
 * spend, no balance below zero.
 */
export function createTransferStore(options: TransferStoreOptions): TransferStore {
  const { users, now, maxTransfers = 10_000 } = options;
  let appBalance = options.appBalanceCents;
  let nextTransactionId = 1;
  const transfers = new Map<string, StoredTransfer>();
  const keys = createIdempotencyCache<StoredTransfer>(now, options.idempotencyMs);
  const creditListeners: (() => void)[] = [];

  const app: AppWallet = {
    balanceCents: () => appBalance,
    take(cents) {
      if (cents > appBalance) return false;
      appBalance -= cents;
      return true;
    },
    give(cents) {
      appBalance += cents;
      for (const listener of creditListeners) listener();
    },
  };

  const record: TransferStore['record'] = (fields) => {
    const transfer: StoredTransfer = {
      ...fields,
      id: randomUUID(),
      createdMs: now(),
      status: 'completed',
      transactionId: nextTransactionId,
    };
    nextTransactionId += fields.payout && fields.payout.feeCents > 0 ? 2 : 1;
    transfers.set(transfer.id, transfer);
    if (transfers.size > maxTransfers) {
      const oldest = transfers.keys().next().value;
      if (oldest !== undefined) transfers.delete(oldest);
    }
    return transfer;
  };

  return {
    create(input) {
      if (input.idempotencyKey !== null) {
        const seen = keys.get(input.idempotencyKey);
        if (seen) return { ok: true, transfer: seen, replayed: true };
      }
      const user = users.get(input.userId);
      if (!user) return { ok: false, code: 'not-found', message: `No user "${input.userId}".`, field: 'user_id' };
      const cents = Math.abs(input.amountCents);
      const toUser = input.amountCents < 0;
      if (toUser ? !app.take(cents) : cents > user.balanceCents) {
        return toUser
          ? insufficientFunds(
              "The app's wallet",
              appBalance,
              cents,
              'Fund the app wallet (startSandbox({ appBalance }), --app-balance) or send less.',
            )
          : insufficientFunds("The user's wallet", user.balanceCents, cents, 'Charge less, or pay the user first.');
      }
      if (toUser) user.balanceCents += cents;
      else user.balanceCents -= cents;
      const transfer = record({
        userId: user.id,
        amountCents: input.amountCents,
        type: toUser ? 'balance' : 'payment',
        taxExempt: input.taxExempt,
        metadata: input.metadata,
        payoutLinkId: null,
        payout: null,
      });
      if (input.idempotencyKey !== null) keys.remember(input.idempotencyKey, transfer);
      if (!toUser) app.give(cents);
      return { ok: true, transfer, replayed: false };
    },
    record,
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
    app,
    onAppCredited: (listener) => void creditListeners.push(listener),
  };
}
