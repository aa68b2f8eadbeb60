import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider, useMutation, useQueryClient } from '@tanstack/react-query';
import { DotsProvider } from '@dots-flow/react';
import { api, type User } from './api.js';
import { CallbackLogProvider, useCallbackLog } from './callbackLog.js';
import { DevOnly, DevViewProvider, DevViewToggle } from './devView.js';
import { LogPanel } from './LogPanel.js';
import { AccountPage } from './pages/AccountPage.js';
import { AdminPage } from './pages/AdminPage.js';
import { ClaimPage } from './pages/ClaimPage.js';
import { HomePage } from './pages/HomePage.js';
import { PhoneVerificationPage } from './pages/PhoneVerificationPage.js';
import { SignInPage } from './pages/SignInPage.js';
import { SignUpPage } from './pages/SignUpPage.js';
import { WithdrawPage } from './pages/WithdrawPage.js';
import { Link, navigate, usePath } from './router.js';
import { useMe } from './useMe.js';
import { useWebhookLog } from './useWebhookLog.js';
import { useFlowAppearance } from './flowAppearance.js';

const CLAIM_PATH = /^\/claim\/([0-9a-f-]{36})$/;

function page(path: string, user: User | null): ReactNode {
  const claim = CLAIM_PATH.exec(path);
  if (claim) return <ClaimPage key={claim[1]} payoutLinkId={claim[1]!} />;
  switch (path) {
    case '/':
      return <HomePage user={user} />;
    case '/signup':
      return <SignUpPage user={user} />;
    case '/signup/phone':
      return <PhoneVerificationPage user={user} />;
    case '/signin':
      return <SignInPage user={user} />;
    case '/account':
      return <AccountPage user={user} />;
    case '/admin':
      return <AdminPage user={user} />;
    case '/withdraw':
      return <WithdrawPage user={user} />;
    default:
      return (
        <>
          <h1 tabIndex={-1}>Page not found</h1>
          <Link to="/">Go home</Link>
        </>
      );
  }
}

export function App({ frameOrigins }: { frameOrigins: string[] }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: 1 } } }));
  return (
    <QueryClientProvider client={queryClient}>
      <DevViewProvider>
        <CallbackLogProvider>
          <Shell frameOrigins={frameOrigins} />
        </CallbackLogProvider>
      </DevViewProvider>
    </QueryClientProvider>
  );
}

function Shell({ frameOrigins }: { frameOrigins: string[] }) {
  const path = usePath();
  const me = useMe();
  const user = me.data ?? null;
  const queryClient = useQueryClient();
  const callbacks = useCallbackLog();
  const environment = useMemo(() => ({ frameOrigins }), [frameOrigins]);
  // One look for every Dots frame in the app: the page's palette, light or dark as the system is.
  const appearance = useFlowAppearance();
  const webhooks = useWebhookLog(user?.id, (entry) => {
    // Money moved: the balance, history and gigs the backend reads from Dots changed.
    if (entry.kind === 'transfer') {
      void queryClient.invalidateQueries({ queryKey: ['wallet'] });
      void queryClient.invalidateQueries({ queryKey: ['gigs'] });
      return;
    }
    // A new Dots user, or sign-up finished: the backend's answer to /api/me changed.
    if (entry.kind !== 'flow') return;
    if (entry.link === 'linked' || (entry.payoutsReady && !user?.payoutsReady)) {
      void queryClient.invalidateQueries({ queryKey: ['me'] });
    }
  });
  const signOut = useMutation({
    mutationFn: api.signOut,
    onSuccess: () => {
      queryClient.setQueryData(['me'], null);
      callbacks.clear();
      navigate('/');
    },
  });

  // Move focus to the new page's heading, as a full page load would (after the first render).
  const mainRef = useRef<HTMLElement>(null);
  const firstPath = useRef(path);
  useEffect(() => {
    if (path !== firstPath.current) mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [path]);

  return (
    <div className="shell">
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <Link to="/" className="brand">
          Acme Gigs
        </Link>
        {/* Only places that work now: settings and withdrawals wait until sign-up is finished. */}
        <nav aria-label="Main">
          {!user ? null : user.payoutsReady ? (
            <>
              <Link to="/account">Payout settings</Link>
              <Link to="/withdraw">Withdraw</Link>
            </>
          ) : (
            <Link to="/signup">Finish sign-up</Link>
          )}
          {user?.isAdmin ? <Link to="/admin">Payout Links</Link> : null}
        </nav>
        <div className="who">
          {user ? (
            <>
              <span className="name">{user.name}</span>
              <button type="button" className="secondary" onClick={() => signOut.mutate()}>
                Sign out
              </button>
            </>
          ) : me.isPending ? null : (
            <>
              <Link to="/signin">Sign in</Link>
              <Link to="/signup" className="button">
                Sign up
              </Link>
            </>
          )}
        </div>
      </header>
      {/* userKey: flows created for one user are never shown to the next one on this tab. */}
      <DotsProvider
        userKey={user?.id ?? 'signed-out'}
        flowEndpoint="/api/dots/flows"
        environment={environment}
        appearance={appearance}
      >
        <main id="main" ref={mainRef}>
          {me.isPending ? (
            <p role="status">Loading…</p>
          ) : me.isError ? (
            <p role="alert">The backend did not answer: {me.error.message}</p>
          ) : (
            page(path, user)
          )}
        </main>
      </DotsProvider>
      <DevOnly>
        <LogPanel webhooks={webhooks} />
      </DevOnly>
      {/* Shown with the first page, not under "Loading…": it would be pushed down when the page arrives. */}
      {me.isPending ? null : (
        <footer className="foot">
          <span>Acme Gigs is a demo of dots-flow, wired to a local Dots sandbox.</span>
          <DevViewToggle />
        </footer>
      )}
    </div>
  );
}
