import { Link } from './router.js';
import { formatMoney, formatSignedMoney, formatWhen } from './money.js';
import { useWallet } from './useWallet.js';

/** The balance Dots holds for the user, with a way to withdraw it. */
export function BalanceCard({ withdrawLabel = 'Withdraw' }: { withdrawLabel?: string }) {
  const wallet = useWallet();
  return (
    <section className="card balance" aria-labelledby="balance-heading">
      <h2 id="balance-heading">Your balance</h2>
      {wallet.isPending ? (
        <p className="amount muted">…</p>
      ) : wallet.isError ? (
        <p role="alert">Could not read your balance: {wallet.error.message}</p>
      ) : (
        <>
          <p className="amount" data-balance-cents={wallet.data.balanceCents}>
            {formatMoney(wallet.data.balanceCents)}
          </p>
          <p className="muted">
            {wallet.data.payoutMethod
              ? `Withdrawals go to your ${wallet.data.payoutMethod}.`
              : 'Withdrawals go to your default payout method.'}
          </p>
          <p className="actions">
            <Link className="button" to="/withdraw">
              {withdrawLabel}
            </Link>
            <Link to="/account">Payout settings</Link>
          </p>
        </>
      )}
    </section>
  );
}

/** What came in and went out, newest first, as Dots records it. */
export function ActivityList() {
  const wallet = useWallet();
  if (!wallet.data) return null;
  const { history } = wallet.data;
  return (
    <section className="card" aria-labelledby="activity-heading">
      <h2 id="activity-heading">Activity</h2>
      {history.length === 0 ? (
        <p className="muted">No payments yet. Complete a gig to get paid.</p>
      ) : (
        <ul className="activity" aria-labelledby="activity-heading">
          {history.map((item) => (
            <li key={item.id} data-history-kind={item.kind} data-amount-cents={item.amountCents}>
              <span>
                {item.description}
                <small className="muted when">
                  {formatWhen(item.created)}
                  {item.status === 'completed' ? null : ` · ${item.status}`}
                </small>
              </span>
              <strong className={item.amountCents < 0 ? 'out' : 'in'}>{formatSignedMoney(item.amountCents)}</strong>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
