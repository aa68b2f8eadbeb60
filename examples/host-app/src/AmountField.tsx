import type { InputHTMLAttributes } from 'react';

/** The dollar amount both money forms ask for (cash-out, Payout Link): the field and its error, tied together. */
export function AmountField({
  error,
  ...input
}: { error: string | null } & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name'>) {
  return (
    <>
      <label htmlFor="amount">Amount (USD)</label>
      <input
        {...input}
        id="amount"
        name="amount"
        inputMode="decimal"
        aria-invalid={error !== null}
        aria-describedby={error ? 'amount-error' : undefined}
      />
      {error ? (
        <p id="amount-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
