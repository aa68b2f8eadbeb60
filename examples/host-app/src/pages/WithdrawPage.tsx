import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { DotsFlow, type StepInput } from '@dots-flow/react';
import type { User, Wallet } from '../api.js';
import { useCallbackLog } from '../callbackLog.js';
import { CashOutForm } from '../CashOutForm.js';
import { DevOnly } from '../devView.js';
import { FlowDetails, useServerFlow } from '../FlowDetails.js';
import { formatMoney } from '../money.js';
import { Link } from '../router.js';
import { useWallet } from '../useWallet.js';
import { NeedsPayoutsReady } from './NeedsPayoutsReady.js';
import { FLOW_HEIGHTS } from '../flowHeights.js';

const PAYOUT_STEPS: readonly StepInput[] = ['payout'];

export function WithdrawPage({ user }: { user: User | null }) {
  const { record } = useCallbackLog();
  const queryClient = useQueryClient();
  const wallet = useWallet(Boolean(user?.payoutsReady));
  const [done, setDone] = useState<{ flowId: string; before: Wallet | undefined } | null>(null);
  return (
    <NeedsPayoutsReady user={user} title="Withdraw">
      <h1 tabIndex={-1}>Withdraw</h1>
      {user?.whiteLabel ? (
        <CashOutForm />
      ) : done ? (
        <WithdrawalRequested flowId={done.flowId} before={done.before} />
      ) : wallet.data?.balanceCents === 0 ? (
        // Dots' payees start at $0: a payout flow now could only refuse, so say what to do instead.
        <p role="status">
          You have $0.00, so there is nothing to withdraw yet. <Link to="/">Complete a gig</Link> and its pay lands in
          your balance right away.
        </p>
      ) : wallet.isPending ? (
        // The flow waits for the balance (so an empty wallet never gets one); its space is kept meanwhile.
        <div className="flow" aria-busy="true" style={{ minHeight: FLOW_HEIGHTS.withdraw }} />
      ) : (
        <>
          <p>
            {wallet.data
              ? `You have ${formatMoney(wallet.data.balanceCents)}. Dots sends what you withdraw to your ${wallet.data.payoutMethod ?? 'default payout method'}.`
              : 'Move your earnings to your default payout method.'}
          </p>
          <DotsFlow
            className="flow"
            steps={PAYOUT_STEPS}
            minHeight={FLOW_HEIGHTS.withdraw}
            title="Withdraw with Dots"
            onStepComplete={({ step, status, flowId }) => record({ callback: 'onStepComplete', step, status, flowId })}
            onComplete={({ flowId }) => {
              record({ callback: 'onComplete', flowId });
              setDone({ flowId, before: queryClient.getQueryData<Wallet>(['wallet']) });
            }}
          />
        </>
      )}
    </NeedsPayoutsReady>
  );
}

/** What left the balance and where to: the new payout in Dots' history, else the balance before minus after. */
function withdrawal(
  before: Wallet | undefined,
  after: Wallet | undefined,
): { cents: number | null; payoutMethod: string | null } {
  if (!before || !after) return { cents: null, payoutMethod: null };
  const seen = new Set(before.history.map((item) => item.id));
  const payout = after.history.find((item) => item.kind === 'payout' && !seen.has(item.id));
  if (payout) return { cents: -payout.amountCents, payoutMethod: payout.payoutMethod ?? null };
  const difference = before.balanceCents - after.balanceCents;
  return { cents: difference > 0 ? difference : null, payoutMethod: null };
}

/** The result in a payee's terms: how much, where to, what is left; confirmed by the backend's reads from Dots. */
function WithdrawalRequested({ flowId, before }: { flowId: string; before: Wallet | undefined }) {
  const flow = useServerFlow(flowId);
  const queryClient = useQueryClient();
  const wallet = useWallet();
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: ['wallet'] });
  }, [queryClient]);
  const confirmed = flow.data?.completed_steps.includes('payout') === true;
  const after = wallet.isFetching ? undefined : wallet.data;
  const { cents: amount, payoutMethod } = withdrawal(before, after);
  const destination = payoutMethod ?? after?.payoutMethod ?? 'default payout method';
  return (
    <div className="card result">
      <p role="status">
        <strong>Withdrawal requested.</strong>{' '}
        {amount !== null
          ? `Dots is sending ${formatMoney(amount)} to your ${destination}.`
          : `Dots is sending the money to your ${destination}.`}
      </p>
      {after ? (
        <p data-balance-cents={after.balanceCents}>Your balance is now {formatMoney(after.balanceCents)}.</p>
      ) : null}
      <p className="muted" data-confirmed={confirmed}>
        {flow.isError
          ? 'We could not check with Dots just now; your request was sent.'
          : confirmed
            ? '✓ Confirmed by Dots.'
            : 'Checking with Dots…'}
      </p>
      <DevOnly>
        <FlowDetails flowId={flowId} />
      </DevOnly>
      <p>
        <Link to="/">Back to your account</Link>
      </p>
    </div>
  );
}
