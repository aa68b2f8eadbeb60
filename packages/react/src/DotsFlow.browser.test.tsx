// Real Chromium, real cross-origin frames: the flow page is served by the running sandbox
// (http://127.0.0.1:<port>), the test page by Vitest (http://localhost:<port>), forged messages
// by a third origin. Nothing here is mocked.
import { StrictMode } from 'react';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { staticFlowLink } from '@dots-flow/sandbox/static';
import { cleanup, render } from 'vitest-browser-react';
import type { QueryClient } from '@tanstack/react-query';
import { DotsFlow, DotsProvider, useFlowProgress, type DotsFlowProps } from './index.js';

const sandboxUrl = inject('sandboxUrl');
const foreignUrl = inject('foreignUrl');
const environment = { frameOrigins: [sandboxUrl] };

afterEach(() => cleanup());

function Host(props: DotsFlowProps & { endpoint?: string; strict?: boolean; queryClient?: QueryClient }) {
  const { endpoint = '/api/dots/flows', strict, queryClient, ...flow } = props;
  const tree = (
    <DotsProvider flowEndpoint={endpoint} environment={environment} queryClient={queryClient}>
      <DotsFlow {...flow} />
    </DotsProvider>
  );
  return strict ? <StrictMode>{tree}</StrictMode> : tree;
}

const frameOf = (title = 'Dots payout flow') => page.frameLocator(page.getByTitle(title));

async function completeOnboarding(frame = frameOf()) {
  await frame.getByRole('button', { name: 'Send code' }).click();
  await frame.getByRole('button', { name: 'Verify' }).click();
}

/** Adds an iframe on `origin` that posts each message to this page, and waits until it has. */
async function postFrom(src: string, title = 'other window') {
  const iframe = document.createElement('iframe');
  iframe.src = src;
  iframe.title = title;
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  document.body.append(iframe);
  await loaded;
  return iframe;
}

const forged = (messages: unknown[]) =>
  `${foreignUrl}/post.html?${messages.map((m) => `message=${encodeURIComponent(JSON.stringify(m))}`).join('&')}`;

describe('DotsFlow in real Chromium against the sandbox', () => {
  it('drives the callbacks from the real cross-origin frame, in order', async () => {
    const events: string[] = [];
    await render(
      <Host
        steps={['compliance']}
        onReady={() => events.push('ready')}
        onStepComplete={({ step, status, flowId }) => events.push(`${step}:${status}:${flowId.length > 0}`)}
        onComplete={() => events.push('complete')}
      />,
    );
    await expect.poll(() => events).toContain('ready');
    const frame = frameOf();
    await completeOnboarding(frame);
    await frame.getByRole('button', { name: 'Submit' }).click();
    await expect
      .poll(() => events)
      .toEqual(['ready', 'onboarding:completed:true', 'compliance:completed:true', 'complete']);
  });

  it('sizes the iframe from the frame height messages', async () => {
    const heights: number[] = [];
    const screen = await render(<Host steps={['payout']} minHeight={100} onHeightChange={(h) => heights.push(h)} />);
    await expect.poll(() => heights.length).toBeGreaterThan(0);
    const iframe = screen.container.querySelector('iframe')!;
    await expect.poll(() => iframe.getBoundingClientRect().height).toBe(Math.max(heights.at(-1)!, 100));
  });

  it('changes nothing for forged messages from another origin or another sandbox window', async () => {
    const events: string[] = [];
    await render(
      <Host
        steps={['compliance']}
        onReady={() => events.push('ready')}
        onHeightChange={(h) => events.push(`height:${h}`)}
        onStepComplete={({ step }) => events.push(step)}
      />,
    );
    await expect.poll(() => events).toContain('ready');
    events.length = 0;
    // A foreign origin posting valid-looking messages to this page.
    const foreign = await postFrom(
      forged([{ step: 'onboarding', status: 'completed' }, { step: 'compliance', status: 'completed' }, { height: 9 }]),
    );
    // A second window on the sandbox's own (trusted) origin: a static-mode flow page, which posts its height
    // on load and step completions when clicked through.
    const sibling = await postFrom(staticFlowLink(`${sandboxUrl}/flow`, { steps: ['compliance'] }), 'sibling');
    await completeOnboarding(frameOf('sibling'));
    await frameOf('sibling').getByRole('button', { name: 'Submit' }).click();
    // Both other windows have posted by now; give their messages time to be delivered (and ignored).
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(events).toEqual([]);
    // The real frame then completes a step: only that must arrive.
    await completeOnboarding();
    await expect.poll(() => events.filter((e) => !e.startsWith('height'))).toEqual(['onboarding']);
    expect(events).not.toContain('height:9');
    foreign.remove();
    sibling.remove();
  });

  it('keeps two flows on one page apart', async () => {
    const a: string[] = [];
    const b: string[] = [];
    await render(
      <DotsProvider flowEndpoint="/api/dots/flows" environment={environment}>
        <DotsFlow steps={['compliance']} title="Flow A" onStepComplete={({ step }) => a.push(step)} />
        <DotsFlow steps={['payout']} title="Flow B" onStepComplete={({ step }) => b.push(step)} />
      </DotsProvider>,
    );
    await completeOnboarding(frameOf('Flow A'));
    await expect.poll(() => a).toEqual(['onboarding']);
    expect(b).toEqual([]);
    await completeOnboarding(frameOf('Flow B'));
    await expect.poll(() => b).toEqual(['onboarding']);
    expect(a).toEqual(['onboarding']);
  });

  it('creates exactly one flow under StrictMode', async () => {
    const fetchSpy = vi.spyOn(window, 'fetch');
    const ready = vi.fn();
    await render(<Host strict steps={['manage-payouts']} onReady={ready} />);
    await expect.poll(() => ready.mock.calls.length).toBe(1);
    expect(fetchSpy.mock.calls.filter(([url]) => String(url).includes('/api/dots/flows'))).toHaveLength(1);
    fetchSpy.mockRestore();
  });

  it('removes every message listener it added when unmounted', async () => {
    const add = vi.spyOn(window, 'addEventListener');
    const remove = vi.spyOn(window, 'removeEventListener');
    const ready = vi.fn();
    const screen = await render(<Host steps={['payout']} onReady={ready} />);
    await expect.poll(() => ready.mock.calls.length).toBe(1);
    const added = add.mock.calls.filter(([type]) => type === 'message').map(([, fn]) => fn);
    await screen.unmount();
    const removed = remove.mock.calls.filter(([type]) => type === 'message').map(([, fn]) => fn);
    expect(added.length).toBeGreaterThan(0);
    for (const fn of added) expect(removed).toContain(fn);
    add.mockRestore();
    remove.mockRestore();
  });

  it.each(['javascript:alert(1)', 'https://evil.example/flow/1', `${foreignUrl}/post.html`])(
    'never turns the backend link %s into an iframe',
    async (link) => {
      const onError = vi.fn();
      const screen = await render(
        <Host endpoint={`/api/dots/link?link=${encodeURIComponent(link)}`} steps={['payout']} onError={onError} />,
      );
      await expect.element(page.getByRole('alert')).toBeVisible();
      expect(onError.mock.calls[0]![0].code).toBe('untrusted_link');
      expect(screen.container.querySelector('iframe')).toBeNull();
    },
  );

  it('shows a failing backend as an error with a working retry', async () => {
    const ready = vi.fn();
    await render(<Host endpoint={`/api/dots/fail?key=${Math.random()}&times=1`} steps={['payout']} onReady={ready} />);
    await expect.element(page.getByRole('alert')).toHaveTextContent('Dots is unavailable');
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => ready.mock.calls.length).toBe(1);
    await expect.element(page.getByRole('alert')).not.toBeInTheDocument();
  });

  it('advances a progress subscriber as the real frame completes steps', async () => {
    function Percent() {
      const percent = useFlowProgress((s) => Math.round(s.progress * 100));
      return <output aria-label="progress">{percent}</output>;
    }
    await render(
      <Host steps={['compliance']}>
        <Percent />
      </Host>,
    );
    await expect.element(page.getByLabelText('progress')).toHaveTextContent('0');
    await completeOnboarding();
    await expect.element(page.getByLabelText('progress')).toHaveTextContent('50');
    await frameOf().getByRole('button', { name: 'Submit' }).click();
    await expect.element(page.getByLabelText('progress')).toHaveTextContent('100');
  });
});
