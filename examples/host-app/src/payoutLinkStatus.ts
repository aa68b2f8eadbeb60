/** Dots' Payout Link statuses (spec schema `payout-link`) as an admin reads them. */
const STATUS_TEXT: Record<string, string> = {
  created: 'Created',
  delivery_pending: 'Sending',
  delivery_failed: 'Could not be delivered',
  sent: 'Sent',
  delivered: 'Waiting for the payee',
  claimed: 'Claimed',
  reversed: 'Reversed',
  canceled: 'Canceled',
  expired: 'Expired',
  failed: 'Failed',
  funds_pending: 'Waiting for funds',
  paid_out: 'Paid out',
};

export const payoutLinkStatusText = (status: string) => STATUS_TEXT[status] ?? status.replace(/_/g, ' ');

/** Statuses after which nothing more will happen to the link. */
export const isFinalPayoutLinkStatus = (status: string) =>
  ['claimed', 'reversed', 'canceled', 'expired', 'failed', 'delivery_failed'].includes(status);
