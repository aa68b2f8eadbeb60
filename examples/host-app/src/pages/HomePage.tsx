import type { User } from '../api.js';
import { Link } from '../router.js';

export function HomePage({ user }: { user: User | null }) {
  if (!user) {
    return (
      <>
        <h1 tabIndex={-1}>Get paid for your gigs</h1>
        <p>Acme Gigs pays you through Dots. Sign up, pick a payout method, withdraw: all without leaving this page.</p>
        <p>
          <Link className="button" to="/signup">
            Sign up
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1 tabIndex={-1}>Hello, {user.name}</h1>
      {user.dotsUserId ? (
        <p>
          Payouts are set up (Dots user <code data-dots-user-id={user.dotsUserId}>{user.dotsUserId}</code>).
        </p>
      ) : (
        <p>
          Payouts are not set up yet. <Link to="/signup">Finish sign-up</Link>.
        </p>
      )}
      <ul className="cards">
        <li className="card">
          <h2>Payout settings</h2>
          <p>Bank account, PayPal or Venmo.</p>
          <Link to="/account">Manage payout methods</Link>
        </li>
        <li className="card">
          <h2>Withdraw</h2>
          <p>Send your balance to your default method.</p>
          <Link to="/withdraw">Withdraw funds</Link>
        </li>
      </ul>
    </>
  );
}
