import { createIdempotencyCache } from './idempotencyCache.js';
import { toTransferObject } from './toTransferObject.js';
import { insufficientFunds } from './transferStore.js';
import type { FeeParty, InsufficientFunds, PayoutDetails, StoredTransfer, TransferStore } from './transferStore.js';
import type { SandboxUser, UserStore } from './userStore.js';
import type { PayoutPlatform, ValidCreatePayout } from './validateCreatePayout.js';

/** A payout's fee in cents. Dots charges one but documents no amount for its sandbox (a guess). */
export const PAYOUT_FEE_CENTS = 100;
/** Who pays when neither the request nor the flow step says: "the app's settings", here the platform (a guess). */
export const DEFAULT_FEE_PARTY: FeeParty = 'platform';

/** The rail each of the flow page's test methods pays out on (also the user's `default_payout_method`). */
export const METHOD_RAILS: Record<string, PayoutDetails['platform']> = {
  pm_bank: 'ach',
  pm_paypal: 'paypal',
  pm_venmo: 'venmo',
};
/** The rail a named `platform` pays out on; the page's users have no Cash App method. */
const PLATFORM_RAILS: Partial<Record<PayoutPlatform, PayoutDetails['platform']>> = {
  ach: 'ach',
  bank_transfer: 'ach',
  paypal: 'paypal',
  venmo: 'venmo',
};

export type PayoutRefusal = InsufficientFunds | { ok: false; code: 'invalid-input'; message: string; field: string };

export type PayoutResult = { ok: true; transfer: StoredTransfer; replayed: boolean } | PayoutRefusal;

export interface Withdrawal {
  user: SandboxUser;
  amountCents: number;
  rail: PayoutDetails['platform'];
  feeParty: FeeParty | null;
  metadata: StoredTransfer['metadata'];
  taxExempt: boolean | null;
  payoutLinkId: string | null;
}

export interface PayoutStore {
  /** `POST /v2/payouts`: idempotent for 24 h per `idempotency_key`. */
  create(input: ValidCreatePayout): PayoutResult;
  /** Moves `amountCents` out of the user's wallet to `rail` and records the payout (the flow's `payout` step). */
  withdraw(input: Withdrawal): PayoutResult;
  /** The rail of the user's default payout method; the bank for a user without one (the flow page's choice). */
  railOf(user: SandboxUser): PayoutDetails['platform'];
}

export type Notify = (eventType: string, body: object) => void;

const invalid = (message: string, field: string): PayoutRefusal => ({
  ok: false,
  code: 'invalid-input',
  message,
  field,
});

/** Payouts from users' wallets: every check and move in one synchronous call, as for transfers. */
export function createPayoutStore(options: {
  transfers: TransferStore;
  users: UserStore;
  now: () => number;
  notify: Notify;
}): PayoutStore {
  const { transfers, users, notify } = options;
  const app = transfers.app;
  const keys = createIdempotencyCache<StoredTransfer>(options.now);

  const announce = (transfer: StoredTransfer) => {
    const body = toTransferObject(transfer);
    if (transfer.type === 'payout') notify('transfer.updated', { transfer_id: body.id });
    notify('transfer.completed', { transfer: body, transfer_id: body.id });
  };

  /** What the app wallet and the user's wallet must hold for this payout, checked before anything moves. */
  const check = (user: SandboxUser, cents: number, feeParty: FeeParty, fund: boolean): PayoutRefusal | null => {
    if (feeParty === 'user' && cents <= PAYOUT_FEE_CENTS) {
      return invalid(
        `\`amount\` must be more than the ${PAYOUT_FEE_CENTS}-cent payout fee the user pays (payout_fee_party: user).`,
        'amount',
      );
    }
    const fromApp = (fund ? cents : 0) + (feeParty === 'platform' ? PAYOUT_FEE_CENTS : 0);
    if (fromApp > app.balanceCents()) {
      const what = fund ? 'fund the payout and pay its fee' : 'pay the payout fee';
      return insufficientFunds(
        "The app's wallet",
        app.balanceCents(),
        fromApp,
        `It must ${what}: fund it (--app-balance) first.`,
      );
    }
    if (!fund && cents > user.balanceCents) {
      return insufficientFunds(
        "The user's wallet",
        user.balanceCents,
        cents,
        'Transfer to the user first (POST /v2/transfers with a negative amount), or send `fund: true`.',
      );
    }
    return null;
  };

  const withdraw = (input: Withdrawal): PayoutResult => {
    const feeParty = input.feeParty ?? DEFAULT_FEE_PARTY;
    const refusal = check(input.user, input.amountCents, feeParty, false);
    if (refusal) return refusal;
    if (feeParty === 'platform') app.take(PAYOUT_FEE_CENTS);
    input.user.balanceCents -= input.amountCents;
    const transfer = transfers.record({
      userId: input.user.id,
      amountCents: input.amountCents,
      type: 'payout',
      taxExempt: input.taxExempt,
      metadata: input.metadata,
      payoutLinkId: input.payoutLinkId,
      payout: { platform: input.rail, feeCents: PAYOUT_FEE_CENTS, feeParty },
    });
    announce(transfer);
    return { ok: true, transfer, replayed: false };
  };

  const railOf = (user: SandboxUser) => METHOD_RAILS[user.defaultMethod ?? ''] ?? 'ach';

  return {
    create(input) {
      if (input.idempotencyKey !== null) {
        const seen = keys.get(input.idempotencyKey);
        if (seen) return { ok: true, transfer: seen, replayed: true };
      }
      const user = users.get(input.userId);
      if (!user) return invalid(`No user "${input.userId}".`, 'user_id');
      let rail: PayoutDetails['platform'] | undefined;
      if (input.platform === 'default') {
        if (user.defaultMethod === null) {
          return invalid(
            'This user has no default payout method. Let them choose one in a flow with the `manage-payouts` step, or name a `platform`.',
            'platform',
          );
        }
        rail = railOf(user);
      } else {
        rail = PLATFORM_RAILS[input.platform];
        if (rail === undefined) {
          return invalid(
            `The sandbox's users have no ${input.platform} account: use ach, paypal, venmo or default.`,
            'platform',
          );
        }
      }
      const feeParty = input.feeParty ?? DEFAULT_FEE_PARTY;
      const refusal = check(user, input.amountCents, feeParty, input.fund);
      if (refusal) return refusal;
      if (input.fund) {
        // Dots first transfers the amount to the user (spec `fund`), then pays it out.
        app.take(input.amountCents);
        user.balanceCents += input.amountCents;
        announce(
          transfers.record({
            userId: user.id,
            amountCents: -input.amountCents,
            type: 'balance',
            taxExempt: input.taxExempt,
            metadata: input.metadata,
            payoutLinkId: null,
            payout: null,
          }),
        );
      }
      const result = withdraw({
        user,
        amountCents: input.amountCents,
        rail,
        feeParty,
        metadata: input.metadata,
        taxExempt: input.taxExempt,
        payoutLinkId: null,
      });
      if (result.ok && input.idempotencyKey !== null) keys.remember(input.idempotencyKey, result.transfer);
      return result;
    },
    withdraw,
    railOf,
  };
}
