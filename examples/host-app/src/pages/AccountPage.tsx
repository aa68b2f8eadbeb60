import { ManagePayouts } from '@dots-flow/react';
import type { User } from '../api.js';
import { useCallbackLog } from '../callbackLog.js';
import { navigate } from '../router.js';
import { NeedsPayoutsReady } from './NeedsPayoutsReady.js';
import { FLOW_HEIGHTS } from '../flowHeights.js';

export function AccountPage({ user }: { user: User | null }) {
  const { record } = useCallbackLog();
  return (
    <NeedsPayoutsReady user={user} title="Payout settings">
      <h1 tabIndex={-1}>Payout settings</h1>
      <p>
        Choose where your money goes and press <strong>Save</strong>. Press <strong>Done</strong> when you are finished.
      </p>
      {/* hide_continue_button: true is ManagePayouts' default: the host app owns the navigation. */}
      <ManagePayouts
        className="flow"
        title="Dots payout methods"
        minHeight={FLOW_HEIGHTS.payoutMethods}
        onStepComplete={({ step, status, flowId }) => record({ callback: 'onStepComplete', step, status, flowId })}
        renderActions={({ saves }) => (
          <button type="button" className={saves > 0 ? undefined : 'secondary'} onClick={() => navigate('/')}>
            Done
          </button>
        )}
      />
    </NeedsPayoutsReady>
  );
}
