import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { WebhookLog } from './webhookLog.js';

/**
 * `GET /api/events`: the signed-in user's verified webhooks as server-sent events. First a `reset`
 * event with the whole log (also after every reconnect), then one `webhook` event per new entry.
 * `channelOf` picks the log channel a request may read (the user's id, or the admins' channel), or none.
 */
export function webhookEventsRoute(options: {
  log: WebhookLog;
  channelOf: (request: Request) => string | undefined;
  /** Aborted when the server shuts down, so open streams end instead of holding it up. */
  closing: AbortSignal;
  keepAliveMs?: number;
}) {
  const { log, channelOf, closing, keepAliveMs = 15_000 } = options;
  return (c: Context) => {
    const channel = channelOf(c.req.raw);
    if (channel === undefined) return c.json({ error: { code: 'unauthorized', message: 'Sign in first.' } }, 401);
    return streamSSE(c, async (stream) => {
      // Subscribe and read the log in the same tick, so no entry falls between the two.
      const unsubscribe = log.subscribe(channel, (entry) => {
        void stream.writeSSE({ event: 'webhook', id: String(entry.seq), data: JSON.stringify(entry) });
      });
      const ping = setInterval(() => void stream.write(': keep-alive\n\n'), keepAliveMs);
      // Removed when this stream ends, so closed streams leave no listener on the server-wide signal.
      const ended = new AbortController();
      try {
        await stream.writeSSE({ event: 'reset', data: JSON.stringify(log.forUser(channel)) });
        await new Promise<void>((resolve) => {
          if (closing.aborted) return resolve();
          stream.onAbort(resolve);
          closing.addEventListener('abort', () => resolve(), { once: true, signal: ended.signal });
        });
      } finally {
        ended.abort();
        clearInterval(ping);
        unsubscribe();
      }
    });
  };
}
