import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type User } from '../api.js';
import { Link, navigate } from '../router.js';

/** The sandbox's verification code (Dots' sandbox texts nothing); a real app would not show it. */
const SANDBOX_CODE = '123456';

/**
 * White-label sign-up: Acme's own form collects name and phone, the backend creates the Dots user through
 * the users API and texts a code, and the user types it here. No Dots frame until payout settings.
 */
export function PhoneVerificationPage({ user }: { user: User | null }) {
  const [phoneEnding, setPhoneEnding] = useState<string | null>(null);
  if (!user) {
    return (
      <>
        <h1 tabIndex={-1}>Verify your phone</h1>
        <p>
          <Link to="/signup">Create an account</Link> or <Link to="/signin">sign in</Link> first.
        </p>
      </>
    );
  }
  if (user.payoutsReady) {
    return (
      <>
        <h1 tabIndex={-1}>Your phone is verified</h1>
        <p>
          Next: <Link to="/account">choose how you get paid</Link>.
        </p>
      </>
    );
  }
  if (user.dotsUserId !== null && !user.whiteLabel) {
    return (
      <>
        <h1 tabIndex={-1}>Verify your phone</h1>
        <p>
          You started setting up payouts with Dots already. <Link to="/signup">Continue there</Link>.
        </p>
      </>
    );
  }
  return (
    <>
      <h1 tabIndex={-1}>Verify your phone</h1>
      {/* One indicator: this path has no Dots frame until the payout method. */}
      <p className="muted">
        {user.dotsUserId === null ? 'Step 1 of 3: your details' : 'Step 2 of 3: the code from the text message'}
      </p>
      {user.dotsUserId === null ? (
        <DetailsForm user={user} onSent={setPhoneEnding} />
      ) : (
        <CodeForm phoneEnding={phoneEnding} />
      )}
    </>
  );
}

function DetailsForm({ user, onSent }: { user: User; onSent: (ending: string) => void }) {
  const queryClient = useQueryClient();
  const start = useMutation({
    mutationFn: api.startPhoneVerification,
    onSuccess: ({ user: next, phoneEnding }) => {
      onSent(phoneEnding);
      queryClient.setQueryData(['me'], next);
    },
  });
  const [first = '', ...rest] = user.name.split(/\s+/);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => String(form.get(name) ?? '');
    start.mutate({ firstName: field('firstName'), lastName: field('lastName'), phone: field('phone') });
  };
  return (
    <form className="card form" onSubmit={submit}>
      <p className="muted">We pay you through Dots, our payouts partner. Your number gets a one-time code.</p>
      <label htmlFor="firstName">First name</label>
      <input id="firstName" name="firstName" autoComplete="given-name" required maxLength={50} defaultValue={first} />
      <label htmlFor="lastName">Last name</label>
      <input
        id="lastName"
        name="lastName"
        autoComplete="family-name"
        required
        maxLength={50}
        defaultValue={rest.join(' ')}
      />
      <label htmlFor="phone">Mobile number (US)</label>
      <input
        id="phone"
        name="phone"
        type="tel"
        autoComplete="tel-national"
        inputMode="tel"
        placeholder="(415) 555-0100"
        required
        maxLength={30}
      />
      {start.isError ? <p role="alert">{start.error.message}</p> : null}
      <button type="submit" disabled={start.isPending}>
        {start.isPending ? 'Sending…' : 'Text me a code'}
      </button>
    </form>
  );
}

function CodeForm({ phoneEnding }: { phoneEnding: string | null }) {
  const queryClient = useQueryClient();
  const verify = useMutation({
    mutationFn: api.verifyCode,
    onSuccess: (next) => {
      queryClient.setQueryData(['me'], next);
      navigate('/account');
    },
  });
  const resend = useMutation({ mutationFn: api.sendCode });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    verify.mutate(String(new FormData(event.currentTarget).get('code') ?? ''));
  };
  return (
    <form className="card form" onSubmit={submit}>
      <p>
        {phoneEnding
          ? `We texted a 6-digit code to the number ending in ${phoneEnding}.`
          : 'We texted you a 6-digit code.'}
      </p>
      <label htmlFor="code">Code</label>
      <input
        id="code"
        name="code"
        autoComplete="one-time-code"
        inputMode="numeric"
        pattern="[0-9 ]{6,7}"
        required
        maxLength={7}
        aria-describedby="code-hint"
      />
      <small id="code-hint" className="muted">
        Sandbox: no text is sent; the code is {SANDBOX_CODE}.
      </small>
      {verify.isError ? <p role="alert">{verify.error.message}</p> : null}
      {resend.isSuccess ? <p role="status">A new code is on its way.</p> : null}
      <div className="actions">
        <button type="submit" disabled={verify.isPending}>
          {verify.isPending ? 'Checking…' : 'Verify'}
        </button>
        <button type="button" className="secondary" disabled={resend.isPending} onClick={() => resend.mutate()}>
          Send a new code
        </button>
      </div>
    </form>
  );
}
