import { createFlowSession } from '@dots-flow/core';

const POOL = 1000;

/**
 * Dispatches `count` `{height}` MessageEvents from a real frame window through one `message` listener: either
 * a flow session's `receive` (origin, sender and shape checks, reducer, frozen snapshots) or a bare listener
 * with the minimal checks. Returns messages handled per second.
 */
export function messageThroughput(handler: 'session' | 'bare', count: number): number {
  const frame = document.createElement('iframe');
  document.body.append(frame);
  const source = frame.contentWindow;
  const origin = 'https://my.senddotssandbox.com';
  // Consecutive heights always differ, so every message changes the state.
  const events = Array.from(
    { length: POOL },
    (_, i) => new MessageEvent('message', { data: { height: 300 + (i % 2) * 100 + (i % 7) }, origin, source }),
  );
  let handled = 0;
  let onMessage: (event: MessageEvent) => void;
  if (handler === 'session') {
    const session = createFlowSession({ steps: ['compliance'], trustedOrigins: [origin] });
    session.flowCreated({
      id: 'flow_bench',
      created: new Date(0).toISOString(),
      user_id: null,
      steps: ['compliance'],
      completed_steps: [],
      link: `${origin}/flow/flow_bench`,
      metadata: null,
      payout_link_id: null,
    });
    session.setFrame(frame);
    onMessage = (event) => {
      if (session.receive(event)) handled += 1;
    };
  } else {
    let height = 0;
    onMessage = (event) => {
      if (event.origin !== origin || event.source !== source) return;
      const data = event.data as { height?: unknown } | null;
      if (typeof data?.height === 'number' && data.height !== height) {
        height = data.height;
        handled += 1;
      }
    };
  }
  window.addEventListener('message', onMessage);
  const start = performance.now();
  for (let i = 0; i < count; i += 1) window.dispatchEvent(events[i % POOL]!);
  const seconds = (performance.now() - start) / 1000;
  window.removeEventListener('message', onMessage);
  frame.remove();
  if (handled !== count) throw new Error(`${handler}: handled ${handled} of ${count} messages`);
  return count / seconds;
}
