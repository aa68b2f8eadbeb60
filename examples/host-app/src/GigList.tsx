import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Gig } from './api.js';
import { api } from './api.js';
import { DevOnly } from './devView.js';
import { formatMoney } from './money.js';
import { useGigs } from './useWallet.js';

/** Gigs to finish; finishing one makes the backend pay for it from Acme's wallet, once. */
export function GigList() {
  const gigs = useGigs();
  return (
    <section className="card" aria-labelledby="gigs-heading">
      <h2 id="gigs-heading">Gigs</h2>
      {gigs.isPending ? (
        <p className="muted">Loading gigs…</p>
      ) : gigs.isError ? (
        <p role="alert">Could not load your gigs: {gigs.error.message}</p>
      ) : (
        <ul className="gigs">
          {gigs.data.map((gig) => (
            <GigRow key={gig.id} gig={gig} />
          ))}
        </ul>
      )}
    </section>
  );
}

function GigRow({ gig }: { gig: Gig }) {
  const queryClient = useQueryClient();
  const complete = useMutation({
    mutationFn: () => api.completeGig(gig.id),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['gigs'] }),
        queryClient.invalidateQueries({ queryKey: ['wallet'] }),
      ]),
  });
  const payment = gig.payment ?? complete.data?.payment ?? null;
  return (
    <li className="gig" data-gig={gig.id}>
      <div>
        <strong>{gig.title}</strong>
        <div className="muted">Pays {formatMoney(gig.payCents)}</div>
      </div>
      {payment ? (
        <p className="paid" role="status">
          ✓ {formatMoney(payment.amountCents)} paid to your balance
          <DevOnly>
            <span className="muted">
              {' '}
              · transfer <code data-transfer-id={payment.transferId}>{payment.transferId}</code>
            </span>
          </DevOnly>
        </p>
      ) : (
        <div className="gig-action">
          <button type="button" disabled={complete.isPending} onClick={() => complete.mutate()}>
            {complete.isPending ? 'Paying…' : `Complete gig, earn ${formatMoney(gig.payCents)}`}
          </button>
          {complete.isError ? <p role="alert">{complete.error.message}</p> : null}
        </div>
      )}
    </li>
  );
}
