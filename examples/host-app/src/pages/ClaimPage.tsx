import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { DotsFlow } from '@dots-flow/react';
import { api } from '../api.js';
import { useCallbackLog } from '../callbackLog.js';
import { formatMoney } from '../money.js';
import { FLOW_HEIGHTS } from '../flowHeights.js';

const CLOSED_TEXT: Record<string, string> = {
  canceled: 'Acme Gigs canceled this payment. Ask them about it if you expected it.',
  expired: 'This payment link has expired. Ask Acme Gigs for a new one.',
  reversed: 'This payment was reversed. Ask Acme Gigs about it.',
  failed: 'This payment failed. Ask Acme Gigs for a new link.',
};

/**
 * The payee's side of a Payout Link, on Acme's own page: the link's Dots flow (made by Dots when the admin
 * created the link, read back by our backend) embedded with `<DotsFlow flow>`. No Acme account needed.
 */
export function ClaimPage({ payoutLinkId }: { payoutLinkId: string }) {
  const { record } = useCallbackLog();
  const queryClient = useQueryClient();
  const claim = useQuery({ queryKey: ['claim', payoutLinkId], queryFn: () => api.claim(payoutLinkId) });
  const [finished, setFinished] = useState(false);
  if (claim.isPending) return <p role="status">Loading your payment…</p>;
  if (claim.isError) {
    return (
      <>
        <h1 tabIndex={-1}>Payment not found</h1>
        <p>{claim.error.message}</p>
      </>
    );
  }
  const { amountCents, status, flow, paidOut } = claim.data;
  if (paidOut || finished) {
    return (
      <>
        <h1 tabIndex={-1}>You got paid</h1>
        <div className="card result">
          <p role="status">
            {paidOut
              ? `${formatMoney(paidOut.amountCents)} is on its way to your ${paidOut.payoutMethod ?? 'payout method'}.`
              : 'Your money is on its way.'}
          </p>
          <p className="muted">Acme Gigs paid you through Dots. You can close this page.</p>
        </div>
      </>
    );
  }
  if (!flow) {
    return (
      <>
        <h1 tabIndex={-1}>This payment is closed</h1>
        <p>{CLOSED_TEXT[status] ?? 'There is nothing left to do here.'}</p>
      </>
    );
  }
  return (
    <>
      <h1 tabIndex={-1}>Acme Gigs sent you {formatMoney(amountCents)}</h1>
      <p>Verify your phone and choose how you get paid. It takes a minute, and you need no account with us.</p>
      <DotsFlow
        className="flow"
        flow={flow}
        minHeight={FLOW_HEIGHTS.signUp}
        title="Collect your payment with Dots"
        onStepComplete={({ step, status: stepStatus, flowId }) =>
          record({ callback: 'onStepComplete', step, status: stepStatus, flowId })
        }
        onComplete={({ flowId }) => {
          record({ callback: 'onComplete', flowId });
          setFinished(true);
          void queryClient.invalidateQueries({ queryKey: ['claim', payoutLinkId] });
        }}
      />
    </>
  );
}
