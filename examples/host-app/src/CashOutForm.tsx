import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AmountField } from './AmountField.js';
import { api } from './api.js';
import { DevOnly } from './devView.js';
import { formatMoney, parseDollars } from './money.js';
import { Link } from './router.js';
import { useWallet } from './useWallet.js';

/**
 * White label: Acme's own cash-out form; the backend calls `POST /v2/payouts` to the user's default payout
 * method. One request id per attempt, so a double click or a retried request pays out once.
 */
export function CashOutForm() {
  const wallet = useWallet();
  const queryClient = useQueryClient();
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());
  const [amountError, setAmountError] = useState<string | null>(null);
  const cashOut = useMutation({
    mutationFn: api.cashOut,
    onSuccess: () => setRequestId(crypto.randomUUID()),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['wallet'] }),
  });
  if (wallet.isPending) return <p className="muted">Loading your balance…</p>;
  if (wallet.isError) return <p role="alert">Could not read your balance: {wallet.error.message}</p>;
  const { balanceCents, payoutMethod } = wallet.data;
  const destination = payoutMethod ?? 'default payout method';

  if (cashOut.isSuccess) {
    return (
      <div className="card result">
        <p role="status">
          <strong>Sent {formatMoney(cashOut.data.amountCents)}</strong> to your{' '}
          {cashOut.data.payoutMethod ?? destination}.
        </p>
        <p data-balance-cents={balanceCents}>Your balance is now {formatMoney(balanceCents)}.</p>
        <DevOnly>
          <p className="muted">
            Payout transfer <code>{cashOut.data.transferId}</code> · {cashOut.data.status}
          </p>
        </DevOnly>
        <p>
          <Link to="/">Back to your account</Link>
        </p>
      </div>
    );
  }
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const cents = parseDollars(String(new FormData(event.currentTarget).get('amount') ?? ''));
    if (cents === null || cents <= 0) return setAmountError('Enter an amount in dollars, like 25 or 12.50.');
    if (cents > balanceCents) return setAmountError(`You can cash out up to ${formatMoney(balanceCents)}.`);
    setAmountError(null);
    cashOut.mutate({ amountCents: cents, requestId });
  };
  if (balanceCents === 0) {
    return (
      <div className="card">
        <p>Your balance is {formatMoney(0)}. Complete a gig to get paid, then cash out here.</p>
        <p>
          <Link to="/">See gigs</Link>
        </p>
      </div>
    );
  }
  return (
    <form className="card form" onSubmit={submit} noValidate>
      <p>
        You have <strong>{formatMoney(balanceCents)}</strong>. It goes to your {destination}.
      </p>
      <AmountField error={amountError} defaultValue={(balanceCents / 100).toFixed(2)} />
      {cashOut.isError ? <p role="alert">{cashOut.error.message}</p> : null}
      <button type="submit" disabled={cashOut.isPending}>
        {cashOut.isPending ? 'Sending…' : 'Cash out'}
      </button>
    </form>
  );
}
