import type { User } from '../api.js';
import { DevOnly } from '../devView.js';
import { GigList } from '../GigList.js';
import { Link } from '../router.js';
import { ActivityList, BalanceCard } from '../WalletSummary.js';

export function HomePage({ user }: { user: User | null }) {
  if (!user) {
    return (
      <>
        <h1 tabIndex={-1}>Get paid for your gigs</h1>
        <p>Acme Gigs pays you through Dots. Sign up, pick a payout method, withdraw: all without leaving this page.</p>
        <p className="actions">
          <Link className="button" to="/signup">
            Sign up
          </Link>
          <Link to="/signin">I have an account</Link>
        </p>
      </>
    );
  }
  if (!user.payoutsReady) {
    return (
      <>
        <h1 tabIndex={-1}>Hello, {user.name}</h1>
        <div className="card">
          <h2>Finish setting up payouts</h2>
          <p>
            {user.whiteLabel
              ? 'Enter the code we texted you, and you can get paid.'
              : user.dotsUserId
                ? 'Your phone is verified. Add your tax details and you can get paid.'
                : 'Verify your phone and add your tax details with Dots, and you can get paid.'}
          </p>
          <p>
            <Link className="button" to="/signup">
              Finish sign-up
            </Link>
          </p>
        </div>
      </>
    );
  }
  return (
    <>
      <h1 tabIndex={-1}>Hello, {user.name}</h1>
      <p>Your payouts are set up. Finish a gig and the money is in your balance right away.</p>
      <DevOnly>
        <p className="muted">
          Dots user <code data-dots-user-id={user.dotsUserId}>{user.dotsUserId}</code>
        </p>
      </DevOnly>
      <div className="dashboard">
        <GigList />
        <div className="stack">
          <BalanceCard />
          <ActivityList />
        </div>
      </div>
    </>
  );
}
