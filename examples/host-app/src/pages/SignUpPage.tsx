import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DotsFlow, FlowProgress, type StepInput } from '@dots-flow/react';
import { api, type User } from '../api.js';
import { useCallbackLog } from '../callbackLog.js';
import { Link, navigate } from '../router.js';
import { ServerTruth } from '../ServerTruth.js';
import { useMe } from '../useMe.js';

// Dots puts its phone-verification (onboarding) step first because the user has no Dots user yet.
const SIGNUP_STEPS: readonly StepInput[] = ['compliance'];
const SIGNUP_METADATA = { purpose: 'signup' };
const CONFIRM_TIMEOUT_MS = 20_000;

export function SignUpPage({ user }: { user: User | null }) {
  // Decided when the page mounts (it remounts per user): the Dots user gets linked right after the
  // onboarding step, and that must not cut the flow short before compliance.
  const [signedUpBefore] = useState(() => Boolean(user?.dotsUserId));
  const [finishedFlow, setFinishedFlow] = useState<string | null>(null);
  if (!user) return <SignUpForm />;
  if (finishedFlow) return <Confirming flowId={finishedFlow} user={user} />;
  if (signedUpBefore) {
    return (
      <>
        <h1 tabIndex={-1}>You are signed up</h1>
        <p>
          Your payouts are set up. Next: <Link to="/account">choose how you get paid</Link>.
        </p>
      </>
    );
  }
  return <Onboarding onDone={setFinishedFlow} />;
}

function SignUpForm() {
  const queryClient = useQueryClient();
  const signUp = useMutation({
    mutationFn: api.signUp,
    onSuccess: (user) => queryClient.setQueryData(['me'], user),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    signUp.mutate(String(new FormData(event.currentTarget).get('name') ?? ''));
  };
  return (
    <>
      <h1 tabIndex={-1}>Create your account</h1>
      <p>Step 1 of 2: your name. Then verify your phone and tax details with Dots, right here.</p>
      <form className="card form" onSubmit={submit}>
        <label htmlFor="name">Your name</label>
        <input id="name" name="name" autoComplete="name" required maxLength={60} defaultValue="" />
        {signUp.isError ? <p role="alert">{signUp.error.message}</p> : null}
        <button type="submit" disabled={signUp.isPending}>
          {signUp.isPending ? 'Creating…' : 'Create account'}
        </button>
      </form>
    </>
  );
}

function Onboarding({ onDone }: { onDone: (flowId: string) => void }) {
  const { record } = useCallbackLog();
  return (
    <>
      <h1 tabIndex={-1}>Set up payouts</h1>
      <p>Step 2 of 2: verify your phone, then your tax details. The sandbox fills in test data for you.</p>
      <DotsFlow
        className="flow"
        steps={SIGNUP_STEPS}
        metadata={SIGNUP_METADATA}
        title="Sign-up with Dots: phone and tax details"
        onStepComplete={({ step, status, flowId }) => record({ callback: 'onStepComplete', step, status, flowId })}
        onComplete={({ flowId }) => {
          record({ callback: 'onComplete', flowId });
          onDone(flowId);
        }}
      >
        <FlowProgress className="progress" />
      </DotsFlow>
    </>
  );
}

/**
 * The frame says the flow is done, but that is a hint: wait until the backend has verified Dots'
 * webhook and stored the Dots user id before going on, so the next flow is created for that user.
 */
function Confirming({ flowId, user }: { flowId: string; user: User }) {
  const [slow, setSlow] = useState(false);
  const me = useMe({ refetchInterval: user.dotsUserId ? false : 500 });
  const linked = Boolean(me.data?.dotsUserId);
  useEffect(() => {
    if (linked) return navigate('/account');
    const timer = setTimeout(() => setSlow(true), CONFIRM_TIMEOUT_MS);
    return () => clearTimeout(timer);
  }, [linked]);
  return (
    <>
      <h1 tabIndex={-1}>Finishing sign-up</h1>
      <p role="status">{linked ? 'Done.' : 'Waiting for Dots to confirm your account…'}</p>
      {slow && !linked ? (
        <p role="alert">
          Dots has not confirmed yet. Is the webhook reaching the backend? Check the terminal, then reload.
        </p>
      ) : null}
      <ServerTruth flowId={flowId} />
    </>
  );
}
