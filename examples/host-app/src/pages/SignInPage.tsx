import type { FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type User } from '../api.js';
import { Link, navigate } from '../router.js';

export function SignInPage({ user }: { user: User | null }) {
  const queryClient = useQueryClient();
  const signIn = useMutation({
    mutationFn: api.signIn,
    onSuccess: (signedIn) => {
      queryClient.setQueryData(['me'], signedIn);
      navigate(signedIn.payoutsReady ? '/' : '/signup');
    },
  });
  if (user) {
    return (
      <>
        <h1 tabIndex={-1}>You are signed in</h1>
        <p>
          Signed in as {user.name}. <Link to="/">Go to your account</Link>.
        </p>
      </>
    );
  }
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    signIn.mutate({ email: String(form.get('email') ?? ''), password: String(form.get('password') ?? '') });
  };
  return (
    <>
      <h1 tabIndex={-1}>Sign in</h1>
      <form className="card form" onSubmit={submit}>
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="email" required maxLength={254} />
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
        {signIn.isError ? <p role="alert">{signIn.error.message}</p> : null}
        <button type="submit" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p>
        New here? <Link to="/signup">Create an account</Link>.
      </p>
    </>
  );
}
