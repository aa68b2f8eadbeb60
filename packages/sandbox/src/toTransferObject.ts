import { naiveTimestamp } from './naiveTimestamp.js';
import type { StoredTransfer } from './transferStore.js';

/** The name a transaction shows for the app's wallet (Dots shows the app's name; a guess). */
export const APP_WALLET_NAME = 'app';

/** The transfer as `GET /v2/transfers/{id}` answers it (spec schemas `transfer` and `transaction`). */
export function toTransferObject(transfer: StoredTransfer) {
  const created = naiveTimestamp(transfer.createdMs);
  const toUser = transfer.amountCents < 0;
  return {
    id: transfer.id,
    created,
    user_id: transfer.userId,
    status: transfer.status,
    type: transfer.type,
    amount: transfer.amountCents,
    transactions: [
      {
        id: transfer.transactionId,
        amount: Math.abs(transfer.amountCents),
        created,
        source_name: toUser ? APP_WALLET_NAME : transfer.userId,
        destination_name: toUser ? transfer.userId : APP_WALLET_NAME,
        type: transfer.type,
        metadata: transfer.metadata,
        transfer_id: transfer.id,
      },
    ],
    payout_link_id: null,
    metadata: transfer.metadata,
  };
}

export type TransferObject = ReturnType<typeof toTransferObject>;
