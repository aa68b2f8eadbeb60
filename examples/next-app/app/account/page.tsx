// A Server Component rendering the widgets: DotsFlow and FlowProgress are client components, and every prop
// given here is serialisable (no callbacks), so the flow is created and framed in the browser after hydration.
import { redirect } from 'next/navigation';
import { DotsFlow, FlowProgress } from '@dots-flow/react';
import { currentUser } from '@/lib/session';
import { WaitForDots } from './WaitForDots';

export default async function Account() {
  const user = await currentUser();
  if (!user) redirect('/');
  return (
    <>
      <h1>Your payouts</h1>
      {user.dotsUserId ? (
        <>
          {/* Server truth: linked from the verified webhook, never from a browser message. */}
          <p data-dots-user-id={user.dotsUserId}>Dots account linked.</p>
          <DotsFlow steps={['payout']} title="Withdraw with Dots">
            <FlowProgress />
          </DotsFlow>
        </>
      ) : (
        <WaitForDots />
      )}
    </>
  );
}
