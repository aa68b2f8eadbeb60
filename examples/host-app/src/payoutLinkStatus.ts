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
};

/** Webhook events (`payout_link.*`) as steps of a timeline. */
const EVENT_TEXT: Record<string, string> = {
  'payout_link.sent': 'Sent to the payee',
  'payout_link.claimed': 'Claimed by the payee',
  'payout_link.paid_out': 'Paid out',
  'payout_link.updated': 'Updated',
};

export const payoutLinkStatusText = (status: string) => STATUS_TEXT[status] ?? status.replace(/_/g, ' ');
export const payoutLinkEventText = (event: string) => EVENT_TEXT[event] ?? event;

/** Statuses after which nothing more will happen to the link. */
export const isFinalPayoutLinkStatus = (status: string) =>
  ['claimed', 'reversed', 'canceled', 'expired', 'failed', 'delivery_failed'].includes(status);
