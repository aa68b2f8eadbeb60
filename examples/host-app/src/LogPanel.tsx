import type { WebhookLogEntry } from './api.js';
import { formatSignedMoney } from './money.js';
import { useCallbackLog } from './callbackLog.js';

const time = (iso: string) => new Date(iso).toLocaleTimeString();

const LINK_TEXT: Record<NonNullable<Extract<WebhookLogEntry, { kind: 'flow' }>['link']>, string> = {
  linked: 'Dots user stored for you',
  unchanged: 'Dots user already stored',
  conflict: 'another Dots user: kept the stored one',
  unknown_user: 'no such host user',
};

/** The developer view: what the page heard from its iframes, next to what the backend verified from Dots. */
export function LogPanel({ webhooks }: { webhooks: WebhookLogEntry[] }) {
  const { entries } = useCallbackLog();
  return (
    <section className="log" aria-labelledby="log-heading">
      <h2 id="log-heading">Live log</h2>
      <div className="log-columns">
        <div>
          <h3 id="callbacks-heading">Callbacks this page received</h3>
          <p className="hint">From the flow iframe, through DotsFlow. Hints for the UI, not proof.</p>
          <ol className="log-list" aria-labelledby="callbacks-heading" aria-live="polite" data-log="callbacks">
            {entries.map((entry) => (
              <li
                key={entry.seq}
                data-callback={entry.callback}
                data-step={entry.step}
                data-status={entry.status}
                data-flow-id={entry.flowId}
              >
                <time dateTime={entry.at}>{time(entry.at)}</time> <code>{entry.callback}</code>{' '}
                {entry.step ? (
                  <strong>
                    {entry.step} · {entry.status}
                  </strong>
                ) : (
                  <strong>flow complete</strong>
                )}
                <span className="muted"> {entry.flowId}</span>
              </li>
            ))}
          </ol>
          {entries.length === 0 ? <p className="muted">Nothing yet.</p> : null}
        </div>
        <div>
          <h3 id="webhooks-heading">Webhooks the backend verified</h3>
          <p className="hint">Svix-signed by Dots, checked by the backend, then the flow read back from Dots.</p>
          <ol className="log-list" aria-labelledby="webhooks-heading" aria-live="polite" data-log="webhooks">
            {webhooks.map((entry) =>
              entry.kind === 'payout_link' ? (
                <li key={entry.seq} data-webhook-id={entry.webhookId} data-payout-link-id={entry.payoutLinkId}>
                  <time dateTime={entry.receivedAt}>{time(entry.receivedAt)}</time> <code>{entry.event}</code>{' '}
                  <span aria-label="signature verified">✓ verified</span>
                  <br />
                  Payout Link {formatSignedMoney(entry.amountCents)} · <strong>{entry.stage}</strong>
                  <span className="muted"> · {entry.payoutLinkId}</span>
                </li>
              ) : entry.kind === 'transfer' ? (
                <li
                  key={entry.seq}
                  data-webhook-id={entry.webhookId}
                  data-transfer-id={entry.transferId}
                  data-amount-cents={entry.amountCents}
                >
                  <time dateTime={entry.receivedAt}>{time(entry.receivedAt)}</time> <code>{entry.event}</code>{' '}
                  <span aria-label="signature verified">✓ verified</span>
                  <br />
                  {entry.description}: <strong>{formatSignedMoney(entry.amountCents)}</strong> · {entry.status}
                  <span className="muted"> · transfer {entry.transferId}</span>
                </li>
              ) : (
                <li
                  key={entry.seq}
                  data-webhook-id={entry.webhookId}
                  data-flow-id={entry.flowId}
                  data-completed-steps={entry.completedSteps.join(' ')}
                >
                  <time dateTime={entry.receivedAt}>{time(entry.receivedAt)}</time> <code>{entry.event}</code>{' '}
                  <span aria-label="signature verified">✓ verified</span>
                  <br />
                  completed: <strong>{entry.completedSteps.join(', ') || 'none'}</strong>
                  {entry.dotsUserId ? <span className="muted"> · user {entry.dotsUserId}</span> : null}
                  {entry.link && entry.link !== 'unchanged' ? <em> · {LINK_TEXT[entry.link]}</em> : null}
                  {entry.payoutsReady && entry.completedSteps.includes('compliance') ? (
                    <em> · sign-up finished</em>
                  ) : null}
                </li>
              ),
            )}
          </ol>
          {webhooks.length === 0 ? <p className="muted">Nothing yet.</p> : null}
        </div>
      </div>
    </section>
  );
}
