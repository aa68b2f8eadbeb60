// A host without React embeds a flow with the core controller and plain DOM code, in real Chromium: the flow
// is created through the real server kit in front of the running sandbox, and framed cross-origin from it.
import { afterEach, expect, inject, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { createFlowController, frameOriginsFor } from './index.js';

const sandboxUrl = inject('sandboxUrl');
let cleanup = () => {};
afterEach(() => cleanup());

/** The whole integration a plain-JS host writes (the same few lines would live in a <script type="module">). */
function embedFlow(container: HTMLElement, onEvent: (event: string) => void) {
  const iframe = document.createElement('iframe');
  iframe.title = 'Payout flow';
  iframe.style.cssText = 'display:block;width:100%;border:0;height:320px';
  const flow = createFlowController({
    steps: ['compliance'],
    trustedOrigins: frameOriginsFor({ frameOrigins: [sandboxUrl] }),
    create: (signal) =>
      fetch('/api/dots/flows', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ steps: ['compliance'] }),
        signal,
      }).then((response) => response.json()),
    onStepComplete: ({ step }) => onEvent(step),
    onComplete: () => onEvent('complete'),
    onError: (error) => onEvent(`error:${error.code}`),
  });
  // The link is checked against trustedOrigins before the state ever holds a flow.
  flow.subscribe(({ flow: created, height }) => {
    if (created && !iframe.src) iframe.src = created.link;
    if (height) iframe.style.height = `${height}px`;
  });
  container.append(iframe);
  flow.setFrame(iframe);
  const disconnect = flow.connect(window);
  return { flow, iframe, dispose: () => (disconnect(), iframe.remove()) };
}

it('embeds a flow with plain code: created, framed, driven by the real frame, and disposed', async () => {
  const add = vi.spyOn(window, 'addEventListener');
  const remove = vi.spyOn(window, 'removeEventListener');
  const events: string[] = [];
  const { flow, iframe, dispose } = embedFlow(document.body, (event) => events.push(event));
  cleanup = () => {
    dispose();
    add.mockRestore();
    remove.mockRestore();
  };
  await expect.poll(() => flow.getSnapshot().status).toBe('ready');
  expect(new URL(iframe.src).origin).toBe(sandboxUrl);
  await expect.poll(() => iframe.getBoundingClientRect().height).toBe(flow.getSnapshot().height);

  const frame = page.frameLocator(page.getByTitle('Payout flow'));
  await frame.getByRole('button', { name: 'Send code' }).click();
  await frame.getByRole('button', { name: 'Verify' }).click();
  await frame.getByRole('button', { name: 'Submit' }).click();
  await expect.poll(() => events).toEqual(['onboarding', 'compliance', 'complete']);
  expect(flow.getSnapshot()).toMatchObject({ status: 'complete', progress: 1 });

  const added = add.mock.calls.filter(([type]) => type === 'message').map(([, fn]) => fn);
  dispose();
  const removed = remove.mock.calls.filter(([type]) => type === 'message').map(([, fn]) => fn);
  expect(added).toHaveLength(1);
  expect(removed).toEqual(added);
});

it('never frames a link the host backend returns from an untrusted origin', async () => {
  const events: string[] = [];
  const iframe = document.createElement('iframe');
  const flow = createFlowController({
    steps: ['payout'],
    trustedOrigins: frameOriginsFor({ frameOrigins: [sandboxUrl] }),
    create: (signal) =>
      fetch(`/api/dots/link?link=${encodeURIComponent('https://evil.example/flow/1')}`, {
        method: 'POST',
        body: '{}',
        signal,
      }).then((response) => response.json()),
    onError: (error) => events.push(error.code),
  });
  flow.subscribe(({ flow: created }) => {
    if (created) iframe.src = created.link;
  });
  const disconnect = flow.connect(window);
  cleanup = disconnect;
  await expect.poll(() => events).toEqual(['untrusted_link']);
  expect(iframe.src).toBe('');
  expect(flow.getSnapshot()).toMatchObject({ status: 'error', flow: null });
});
