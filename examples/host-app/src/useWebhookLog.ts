import { useEffect, useRef, useState } from 'react';
import type { WebhookLogEntry } from './api.js';

function parse<T>(data: unknown): T | undefined {
  try {
    return typeof data === 'string' ? (JSON.parse(data) as T) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The signed-in user's webhooks as the backend verified them, live from `/api/events`
 * (server-sent events). `onEntry` hears each new one.
 */
export function useWebhookLog(
  userId: string | undefined,
  onEntry?: (entry: WebhookLogEntry) => void,
  /** The event stream: the user's own by default, `/api/admin/events` for admins. */
  path = '/api/events',
) {
  const [state, setState] = useState<{ userId?: string; entries: WebhookLogEntry[] }>({ entries: [] });
  const onEntryRef = useRef(onEntry);
  useEffect(() => {
    onEntryRef.current = onEntry;
  });

  useEffect(() => {
    if (!userId) return;
    const source = new EventSource(path);
    source.addEventListener('reset', (event) => {
      const list = parse<WebhookLogEntry[]>(event.data);
      if (Array.isArray(list)) setState({ userId, entries: list });
    });
    source.addEventListener('webhook', (event) => {
      const entry = parse<WebhookLogEntry>(event.data);
      if (!entry) return;
      setState((last) =>
        last.userId === userId && !last.entries.some((seen) => seen.seq === entry.seq)
          ? { userId, entries: [...last.entries, entry] }
          : last,
      );
      onEntryRef.current?.(entry);
    });
    return () => source.close();
  }, [userId, path]);

  // Entries of a previous user never show for the next one.
  return state.userId === userId ? state.entries : [];
}
