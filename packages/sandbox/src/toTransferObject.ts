import { naiveTimestamp } from './naiveTimestamp.js';
import type { StoredTransfer } from './transferStore.js';

/** The name a transaction shows for the app's wallet (Dots shows the app's name; a guess). */
export const APP_WALLET_NAME = 'app';
/** The name a fee transaction shows as its destination (Dots documents none; a guess). */
export const FEE_DESTINATION_NAME = 'dots';

type Metadata = StoredTransfer['metadata'];

/** The transactions of a transfer (spec schema `transaction`); a payout with a fee has a `fee` one too. */
function transactionsOf(transfer: StoredTransfer, created: string, metadata: Metadata) {
  const base = { created, metadata, transfer_id: transfer.id };
  const payout = transfer.payout;
  if (payout === null) {
    const toUser = transfer.amountCents < 0;
    return [
      {
        ...base,
        id: transfer.transactionId,
        amount: Math.abs(transfer.amountCents),
        source_name: toUser ? APP_WALLET_NAME : transfer.userId,
        destination_name: toUser ? transfer.userId : APP_WALLET_NAME,
        type: transfer.type,
      },
    ];
  }
  const userPaysFee = payout.feeParty === 'user';
  const sent = {
    ...base,
    id: transfer.transactionId,
    amount: userPaysFee ? transfer.amountCents - payout.feeCents : transfer.amountCents,
    source_name: transfer.userId,
    destination_name: payout.platform,
    type: 'payout' as const,
  };
  if (payout.feeCents === 0) return [sent];
  const fee = {
    ...base,
    id: transfer.transactionId + 1,
    amount: payout.feeCents,
    source_name: userPaysFee ? transfer.userId : APP_WALLET_NAME,
    destination_name: FEE_DESTINATION_NAME,
    type: 'fee' as const,
  };
  return [sent, fee];
}

/** The transfer as `GET /v2/transfers/{id}` answers it (spec schemas `transfer` and `transaction`). */
export function toTransferObject(transfer: StoredTransfer) {
  const created = naiveTimestamp(transfer.createdMs);
  return {
    id: transfer.id,
    created,
    user_id: transfer.userId,
    status: transfer.status,
    type: transfer.type,
    amount: transfer.amountCents,
    ...(transfer.payout ? { external_data: { platform: transfer.payout.platform } } : {}),
    transactions: transactionsOf(transfer, created, transfer.metadata),
    payout_link_id: transfer.payoutLinkId,
    metadata: transfer.metadata,
  };
}

export type TransferObject = ReturnType<typeof toTransferObject>;
