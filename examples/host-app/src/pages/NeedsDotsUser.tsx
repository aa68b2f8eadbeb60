import type { ReactNode } from 'react';
import type { User } from '../api.js';
import { Link } from '../router.js';

/** Pages for users who finished sign-up: a flow for anyone else would start a second onboarding. */
export function NeedsDotsUser({ user, title, children }: { user: User | null; title: string; children: ReactNode }) {
  if (user?.dotsUserId) return children;
  return (
    <>
      <h1 tabIndex={-1}>{title}</h1>
      <p>
        {user ? 'Finish setting up payouts first: ' : 'Create an account first: '}
        <Link to="/signup">{user ? 'continue sign-up' : 'sign up'}</Link>.
      </p>
    </>
  );
}
