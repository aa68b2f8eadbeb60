import { useState } from 'react';
import { DotsFlow, type StepInput } from '@dots-flow/react';
import type { User } from '../api.js';
import { useCallbackLog } from '../callbackLog.js';
import { Link } from '../router.js';
import { ServerTruth } from '../ServerTruth.js';
import { NeedsDotsUser } from './NeedsDotsUser.js';

const PAYOUT_STEPS: readonly StepInput[] = ['payout'];

export function WithdrawPage({ user }: { user: User | null }) {
  const { record } = useCallbackLog();
  const [doneFlow, setDoneFlow] = useState<string | null>(null);
  return (
    <NeedsDotsUser user={user} title="Withdraw">
      <h1 tabIndex={-1}>Withdraw</h1>
      {doneFlow ? (
        <div className="card">
          <p role="status">
            <strong>Withdrawal requested.</strong> Dots sends it to your default payout method.
          </p>
          <ServerTruth flowId={doneFlow} />
          <p>
            <Link to="/">Back to your account</Link>
          </p>
        </div>
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
    </NeedsDotsUser>
  );
}
