import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type AdminPayoutLink, type User, type WebhookLogEntry } from '../api.js';
import { AmountField } from '../AmountField.js';
import { DevOnly } from '../devView.js';
import { formatMoney, formatWhen, parseDollars } from '../money.js';
import { payoutLinkStatusText } from '../payoutLinkStatus.js';
import { Link } from '../router.js';
import { useWebhookLog } from '../useWebhookLog.js';

type LinkEvent = Extract<WebhookLogEntry, { kind: 'payout_link' }>;

/** Acme's team pays someone by Payout Link and follows it live, from Dots' webhooks. */
export function AdminPage({ user }: { user: User | null }) {
  if (!user?.isAdmin) {
    return (
      <>
        <h1 tabIndex={-1}>Payout Links</h1>
        <p>
          This page is for Acme&rsquo;s team.{' '}
          {user ? <Link to="/">Back to your account</Link> : <Link to="/signin">Sign in</Link>}.
        </p>
      </>
    );
  }
  return <PayoutLinksAdmin />;
}

function PayoutLinksAdmin() {
  const queryClient = useQueryClient();
  const links = useQuery({ queryKey: ['payout-links'], queryFn: api.payoutLinks });
  const events = useWebhookLog(
    'admin',
    (entry) => {
      if (entry.kind === 'payout_link') void queryClient.invalidateQueries({ queryKey: ['payout-links'] });
    },
    '/api/admin/events',
  ).filter((entry): entry is LinkEvent => entry.kind === 'payout_link');
  const [latest, setLatest] = useState<string | null>(null);
  const shown = links.data?.find((link) => link.id === latest);

  return (
    <>
      <h1 tabIndex={-1}>Payout Links</h1>
      <p>Pay anyone, no account needed: they open the link, verify their phone and choose how to get paid.</p>
      <div className="dashboard">
        {/* Keyed by the last link: a created link clears the form for the next one. */}
        <CreatePayoutLinkForm key={latest ?? 'first'} onCreated={(link) => setLatest(link.id)} />
        {shown ? (
          <PayoutLinkCard link={shown} events={events} />
        ) : (
          <section className="card placeholder" aria-label="Your new link">
            <p className="muted">Your new link shows here, with its status live from Dots as the payee uses it.</p>
          </section>
        )}
      </div>
      <section className="card" aria-labelledby="links-heading">
        <h2 id="links-heading">Recent Payout Links</h2>
        {links.isPending ? (
          <p className="muted">Loading…</p>
        ) : links.isError ? (
          <p role="alert">Could not load Payout Links: {links.error.message}</p>
        ) : links.data.length === 0 ? (
          <p className="muted">None yet.</p>
        ) : (
          <ul className="activity" aria-labelledby="links-heading">
            {links.data.map((link) => (
              <li key={link.id} data-payout-link={link.id} data-stage={link.stage}>
                <span>
                  {link.payee ?? 'Shared by link'}
                  <span className="muted"> · {formatWhen(link.created)}</span>
                  <span className={`badge badge-${link.stage}`}> {payoutLinkStatusText(link.stage)}</span>
                </span>
                <strong>{formatMoney(link.amountCents)}</strong>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function CreatePayoutLinkForm({ onCreated }: { onCreated: (link: AdminPayoutLink) => void }) {
  const queryClient = useQueryClient();
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());
  const [amountError, setAmountError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: api.createPayoutLink,
    onSuccess: (link) => {
      setRequestId(crypto.randomUUID());
      queryClient.setQueryData<AdminPayoutLink[]>(['payout-links'], (list) => [
        link,
        ...(list ?? []).filter((item) => item.id !== link.id),
      ]);
      onCreated(link);
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => String(form.get(name) ?? '').trim();
    const cents = parseDollars(field('amount'));
    if (cents === null || cents <= 0) return setAmountError('Enter an amount in dollars, like 40 or 12.50.');
    setAmountError(null);
    create.mutate({ amountCents: cents, email: field('email'), phone: field('phone'), requestId });
  };
  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby="new-link-heading">
      <h2 id="new-link-heading">New Payout Link</h2>
      <AmountField error={amountError} placeholder="40.00" />
      <label htmlFor="email">
        Payee email <span className="muted">(optional)</span>
      </label>
      <input id="email" name="email" type="email" autoComplete="off" maxLength={254} />
      <label htmlFor="phone">
        Payee mobile, US <span className="muted">(optional)</span>
      </label>
      <input id="phone" name="phone" type="tel" inputMode="tel" autoComplete="off" maxLength={30} />
      <small className="muted">With neither, you share the link yourself.</small>
      {create.isError ? <p role="alert">{create.error.message}</p> : null}
      <button type="submit" disabled={create.isPending}>
        {create.isPending ? 'Creating…' : 'Create Payout Link'}
      </button>
    </form>
  );
}

function PayoutLinkCard({ link, events }: { link: AdminPayoutLink; events: LinkEvent[] }) {
  const [copied, setCopied] = useState(false);
  // Acme's own page for the payee, which embeds the link's Dots flow; Dots' own link works as well.
  const shareUrl = `${window.location.origin}/claim/${link.id}`;
  // One line per change of stage: Dots sends several events for one change (e.g. claimed and updated).
  const mine = events
    .filter((event) => event.payoutLinkId === link.id)
    .filter((event, index, list) => index === 0 || list[index - 1]!.stage !== event.stage);
  return (
    <section className="card" aria-labelledby="link-heading" data-payout-link-card={link.id}>
      <h2 id="link-heading">
        {formatMoney(link.amountCents)} {link.payee ? `for ${link.payee}` : 'Payout Link'}
      </h2>
      <p role="status" aria-live="polite" data-stage={link.stage}>
        Status: <strong>{payoutLinkStatusText(link.stage)}</strong>
      </p>
      <label htmlFor="link-url">Link to share</label>
      <div className="copy">
        <input id="link-url" readOnly value={shareUrl} onFocus={(event) => event.currentTarget.select()} />
        <button
          type="button"
          className="secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(shareUrl).then(
              () => setCopied(true),
              () => setCopied(false),
            );
          }}
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      {link.payee ? <p className="muted">Dots also sends its own link to {link.payee}.</p> : null}
      <h3 className="small-heading">From Dots</h3>
      {mine.length === 0 ? (
        <p className="muted">No updates yet. They appear here as Dots sends them.</p>
      ) : (
        <ol className="timeline" aria-label="Updates from Dots">
          {mine.map((event) => (
            <li key={event.seq} data-stage={event.stage}>
              {payoutLinkStatusText(event.stage)} <span className="muted">· {formatWhen(event.receivedAt)}</span>
            </li>
          ))}
        </ol>
      )}
      <DevOnly>
        <p className="muted">
          Payout Link <code>{link.id}</code> · flow <code>{link.flowId ?? 'none'}</code> · Dots link{' '}
          <code>{link.link}</code>
        </p>
      </DevOnly>
    </section>
  );
}
