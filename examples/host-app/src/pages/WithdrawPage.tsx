import { useState } from 'react';
import { DotsFlow, type StepInput } from '@dots-flow/react';
import type { User } from '../api.js';
import { useCallbackLog } from '../callbackLog.js';
import { DevOnly } from '../devView.js';
import { FlowDetails, useServerFlow } from '../FlowDetails.js';
import { Link } from '../router.js';
import { NeedsPayoutsReady } from './NeedsPayoutsReady.js';

const PAYOUT_STEPS: readonly StepInput[] = ['payout'];

export function WithdrawPage({ user }: { user: User | null }) {
  const { record } = useCallbackLog();
  const [doneFlow, setDoneFlow] = useState<string | null>(null);
  return (
    <NeedsPayoutsReady user={user} title="Withdraw">
      <h1 tabIndex={-1}>Withdraw</h1>
      {doneFlow ? (
        <WithdrawalRequested flowId={doneFlow} />
      ) : (
        <>
          <p>Move your earnings to your default payout method.</p>
          <DotsFlow
            className="flow"
            steps={PAYOUT_STEPS}
            title="Withdraw with Dots"
            onStepComplete={({ step, status, flowId }) => record({ callback: 'onStepComplete', step, status, flowId })}
            onComplete={({ flowId }) => {
              record({ callback: 'onComplete', flowId });
              setDoneFlow(flowId);
            }}
          />
        </>
      )}
    </NeedsPayoutsReady>
  );
}

/** The result in a payee's terms; the frame's word is confirmed by the backend's read of the flow. */
function WithdrawalRequested({ flowId }: { flowId: string }) {
  const flow = useServerFlow(flowId);
  const confirmed = flow.data?.completed_steps.includes('payout') === true;
  return (
    <div className="card result">
      <p role="status">
        <strong>Withdrawal requested.</strong> Dots is sending the money to your default payout method.
      </p>
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
