import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DotsFlow, FlowProgress, type StepInput } from '@dots-flow/react';
import { api, type User } from '../api.js';
import { useCallbackLog } from '../callbackLog.js';
import { DevOnly } from '../devView.js';
import { FlowDetails } from '../FlowDetails.js';
import { Link, navigate } from '../router.js';
import { useMe } from '../useMe.js';
import { PhoneVerificationPage } from './PhoneVerificationPage.js';
import { FLOW_HEIGHTS } from '../flowHeights.js';

// Dots puts its phone-verification (onboarding) step first while the user has no Dots user yet. A user
// who verified their phone and left comes back to a flow for their Dots user: tax details only.
const SIGNUP_STEPS: readonly StepInput[] = ['compliance'];
const SIGNUP_METADATA = { purpose: 'signup' };
const CONFIRM_SLOW_MS = 20_000;

export function SignUpPage({ user }: { user: User | null }) {
  // Decided when the page mounts (it remounts per user): Dots confirms sign-up while the flow still shows
  // its last screen, and that must not swap the page before onComplete.
  const [readyBefore] = useState(() => Boolean(user?.payoutsReady));
  const [finishedFlow, setFinishedFlow] = useState<string | null>(null);
  if (!user) return <SignUpForm />;
  if (readyBefore) {
    return (
      <>
        <h1 tabIndex={-1}>You are signed up</h1>
        <p>
          Your payouts are set up. Next: <Link to="/account">choose how you get paid</Link>.
        </p>
      </>
    );
  }
  // Chose Acme's own phone form (white label): finish there, not in a Dots frame.
  if (user.whiteLabel) return <PhoneVerificationPage user={user} />;
  // Once the frame says done, it stays (showing Dots' last screen) while the backend confirms, with the status
  // under it: swapping the page for a short "confirming" one made everything jump twice on the way to /account.
  return (
    <Onboarding hasDotsUser={user.dotsUserId !== null} onDone={setFinishedFlow}>
      {/* Mounted from the start and one line tall, so the status is announced and moves nothing when it shows. */}
      <div role="status" className="status-line">
        {finishedFlow ? <Confirming flowId={finishedFlow} user={user} /> : null}
      </div>
    </Onboarding>
  );
}

function SignUpForm() {
  const queryClient = useQueryClient();
  const signUp = useMutation({
    mutationFn: api.signUp,
    onSuccess: (user) => queryClient.setQueryData(['me'], user),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => String(form.get(name) ?? '');
    signUp.mutate({ name: field('name'), email: field('email'), password: field('password') });
  };
  return (
    <>
      <h1 tabIndex={-1}>Create your account</h1>
      <p>Then set up payouts with Dots, right on the next page: your phone, then your tax details.</p>
      <form className="card form" onSubmit={submit}>
        <label htmlFor="name">Your name</label>
        <input id="name" name="name" autoComplete="name" required maxLength={60} />
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="email" required maxLength={254} />
        <label htmlFor="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          maxLength={200}
          aria-describedby="password-hint"
        />
        <small id="password-hint" className="muted">
          At least 8 characters.
        </small>
        {signUp.isError ? <p role="alert">{signUp.error.message}</p> : null}
        <button type="submit" disabled={signUp.isPending}>
          {signUp.isPending ? 'Creating…' : 'Create account'}
        </button>
      </form>
      <p>
        Have an account? <Link to="/signin">Sign in</Link>.
      </p>
    </>
  );
}

function Onboarding({
  hasDotsUser,
  onDone,
  children,
}: {
  hasDotsUser: boolean;
  onDone: (flowId: string) => void;
  children: ReactNode;
}) {
  const { record } = useCallbackLog();
  // Fixed at mount: the Dots user gets linked right after phone verification, in the middle of this flow.
  const [resumed] = useState(hasDotsUser);
  // Once done, the frame keeps the height it had: Dots' shorter last screen would pull the page up while the
  // backend confirms, and /account would push it down again (layout shifts nobody asked for).
  const [reserved, setReserved] = useState<number>(FLOW_HEIGHTS.signUp);
  const lastHeight = useRef<number>(FLOW_HEIGHTS.signUp);
  return (
    <>
      <h1 tabIndex={-1}>Set up payouts</h1>
      <p>
        {resumed
          ? 'Welcome back. Your phone is verified; add your tax details to finish.'
          : 'Dots, our payouts partner, verifies your phone and asks for your tax details. The sandbox fills in test data for you.'}
      </p>
      {resumed ? null : (
        <p className="muted">
          Rather stay on Acme&rsquo;s own forms? <Link to="/signup/phone">Verify your phone with us instead</Link>.
        </p>
      )}
      <DotsFlow
        className="flow"
        steps={SIGNUP_STEPS}
        minHeight={reserved}
        metadata={SIGNUP_METADATA}
        title="Sign-up with Dots: phone and tax details"
        onHeightChange={(height) => (lastHeight.current = height)}
        onStepComplete={({ step, status, flowId }) => record({ callback: 'onStepComplete', step, status, flowId })}
        onComplete={({ flowId }) => {
          record({ callback: 'onComplete', flowId });
          setReserved(Math.max(lastHeight.current, FLOW_HEIGHTS.signUp));
          onDone(flowId);
        }}
      >
        {/* One indicator, counting what the frame counts. A resumed flow has one step: the frame alone says it. */}
        {resumed ? null : <FlowProgress className="progress" />}
      </DotsFlow>
      {children}
    </>
  );
}

/**
 * The frame says the flow is done, but that is a hint: wait until the backend has verified Dots'
 * webhook and read the flow back (tax step done, Dots user stored) before going on.
 */
function Confirming({ flowId, user }: { flowId: string; user: User }) {
  const [slow, setSlow] = useState(false);
  const me = useMe({ refetchInterval: user.payoutsReady ? false : 500 });
  const ready = Boolean(me.data?.payoutsReady);
  useEffect(() => {
    if (ready) return navigate('/account');
    const timer = setTimeout(() => setSlow(true), CONFIRM_SLOW_MS);
    return () => clearTimeout(timer);
  }, [ready]);
  return (
    <>
      {ready ? 'Done.' : 'Finishing sign-up…'}
      {slow && !ready ? (
        <p role="alert">This is taking longer than it should. Reload the page to check again.</p>
      ) : null}
      <DevOnly>
        {slow && !ready ? (
          <p className="muted">
            No verified webhook has marked sign-up as done. Is it reaching the backend? See the terminal.
          </p>
        ) : null}
        <FlowDetails flowId={flowId} />
      </DevOnly>
    </>
  );
}
