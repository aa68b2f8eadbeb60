import { useEffect, useRef, useState } from 'react';

export interface BaselineFlowProps {
  endpoint: string;
  frameOrigin: string;
  steps: readonly string[];
  onHeight: (height: number) => void;
}

/**
 * What an integrator writes by hand without dots-flow: a `useEffect` fetch to the backend and a bare iframe,
 * with the minimal origin and sender checks (so it is not faster only for being unsafe).
 */
export function BaselineFlow({ endpoint, frameOrigin, steps, onHeight }: BaselineFlowProps) {
  const [link, setLink] = useState<string | null>(null);
  const [height, setHeight] = useState(320);
  const frame = useRef<HTMLIFrameElement>(null);
  const onHeightRef = useRef(onHeight);

  useEffect(() => {
    const controller = new AbortController();
    fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ steps }),
      signal: controller.signal,
    })
      .then((response) => response.json() as Promise<{ link: string }>)
      .then((flow) => setLink(flow.link))
      .catch(() => undefined);
    return () => controller.abort();
  }, [endpoint, steps]);

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== frameOrigin || event.source !== frame.current?.contentWindow) return;
      const data = event.data as { height?: unknown } | null;
      if (typeof data?.height === 'number') {
        setHeight(data.height);
        onHeightRef.current(data.height);
      }
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [frameOrigin]);

  return link ? (
    <iframe ref={frame} src={link} title="Payout flow" style={{ display: 'block', width: '100%', border: 0, height }} />
  ) : null;
}
