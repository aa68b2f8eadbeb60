import { randomBytes } from 'node:crypto';
import { observeEvent } from './responseObserver.js';
import { signSvix } from './svixSignature.js';
import { webhookBody } from './webhookBody.js';

export interface WebhookSenderOptions {
  url: string;
  secret: string;
  /** Wait before each retry; the number of entries is the number of retries. */
  retryDelaysMs: readonly number[];
  now: () => number;
  log: (line: string) => void;
  /** Per attempt; Svix gives receivers about 15 s. */
  timeoutMs?: number;
}

export interface WebhookSender {
  /** Queues a signed `flow.updated` delivery; never throws, never rejects. */
  flowUpdated(flowId: string): void;
  /**
   * Queues a signed delivery of the event `eventType` (`transfer.completed`, …) with `body` and `event: eventType`
   * (see `webhookBody`); never throws, never rejects.
   */
  send(eventType: string, body: object): void;
  /** Cancels pending retries and in-flight requests. */
  close(): Promise<void>;
}

/** Delivers events the way Svix does: signed, retried with backoff under one message id. */
export function createWebhookSender(options: WebhookSenderOptions): WebhookSender {
  const { url, secret, retryDelaysMs, now, log, timeoutMs = 10_000 } = options;
  const closing = new AbortController();
  const timers = new Set<NodeJS.Timeout>();
  const inFlight = new Set<Promise<void>>();

  async function attempt(id: string, body: string, retry: number): Promise<void> {
    if (closing.signal.aborted) return;
    // Each attempt is signed afresh: receivers reject timestamps more than 5 minutes off.
    const timestamp = Math.floor(now() / 1000);
    let outcome: string;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'svix-id': id,
          'svix-timestamp': String(timestamp),
          'svix-signature': signSvix(secret, id, timestamp, body),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.any([closing.signal, AbortSignal.timeout(timeoutMs)]),
      });
      await response.body?.cancel().catch(() => {});
      if (response.ok) {
        log(`webhook ${id} delivered to ${url} (${response.status})`);
        return;
      }
      outcome = `answered ${response.status}`;
    } catch (error) {
      if (closing.signal.aborted) return;
      outcome = `failed: ${error instanceof Error ? error.message : String(error)}`;
    }
    const delay = retryDelaysMs[retry];
    if (delay === undefined) {
      log(`webhook ${id} to ${url} ${outcome}; giving up after ${retry + 1} attempts`);
      return;
    }
    log(`webhook ${id} to ${url} ${outcome}; retrying in ${delay} ms`);
    const timer = setTimeout(() => {
      timers.delete(timer);
      track(attempt(id, body, retry + 1));
    }, delay);
    timers.add(timer);
  }

  function track(promise: Promise<void>): void {
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise));
  }

  const send = (eventType: string, fields: object) => {
    const body = webhookBody(eventType, fields);
    observeEvent(eventType, body);
    if (closing.signal.aborted) return;
    const id = `msg_${randomBytes(18).toString('base64url').replace(/[-_]/g, 'x')}`;
    track(attempt(id, JSON.stringify(body), 0));
  };

  return {
    flowUpdated: (flowId) => send('flow.updated', { flow_id: flowId }),
    send,
    async close() {
      closing.abort();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.allSettled([...inFlight]);
    },
  };
}
