import { naiveTimestamp } from './naiveTimestamp.js';
import type { StoredPayoutLink } from './payoutLinkStore.js';

/**
 * The payout link as `GET /v2/payout-links/{id}` answers it (spec schema `payout-link`), keys in the
 * alphabetical order of the response in `docs/guides/payout-links.mdx`. `link` is the link flow's page.
 */
export function toPayoutLinkObject(link: StoredPayoutLink, baseUrl: string) {
  const { request } = link;
  const { payee } = request;
  return {
    accounting_data: { ...request.accounting },
    amount: request.amountCents,
    claimed_user_id: link.claimedUserId,
    created: naiveTimestamp(link.createdMs),
    delivery: {
      country_code: payee.country_code,
      email: payee.email,
      method: request.deliveryMethod,
      phone_number: payee.phone_number,
    },
    description: request.description,
    flow_id: link.flowId,
    funding_source: request.fundingSource,
    id: link.id,
    link: `${baseUrl}/flow/${link.flowId}`,
    memo: request.memo,
    metadata: request.metadata,
    payee: { ...payee },
    status: link.status,
    tax_exempt: request.taxExempt,
    transfer_id: link.transferId,
  };
}

export type PayoutLinkObject = ReturnType<typeof toPayoutLinkObject>;
