import type { ReactNode } from 'react';
import type { User } from '../api.js';
import { Link } from '../router.js';

/**
 * Pages for users who finished sign-up. The navigation hides them until then; a typed or bookmarked
 * URL lands here and is sent on. A flow for anyone else would start a second onboarding.
 */
export function NeedsPayoutsReady({
  user,
  title,
  children,
}: {
  user: User | null;
  title: string;
  children: ReactNode;
}) {
  if (user?.payoutsReady) return children;
  return (
    <>
      <h1 tabIndex={-1}>{title}</h1>
      <p>
        {user ? 'Finish setting up payouts first: ' : 'Sign in first: '}
        <Link to={user ? '/signup' : '/signin'}>{user ? 'continue sign-up' : 'sign in'}</Link>
        {user ? null : (
          <>
            {' '}
            or <Link to="/signup">create an account</Link>
          </>
        )}
        .
      </p>
    </>
  );
}
