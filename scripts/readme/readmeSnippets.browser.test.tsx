// The READMEs' browser snippets (React, and core's framework-free one), as written, in real Chromium against the
// running sandbox through the real server kit. The only swap: the local sandbox's frame origin for Dots' (see
// snippetContexts.ts).
import type { ReactElement } from 'react';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { cleanup, render } from 'vitest-browser-react';
import { DotsProvider } from '@dots-flow/react';
import { ERROR_MESSAGES, type FlowCallbacks, type StepInput } from '@dots-flow/core';
import type {} from '../vitest-provided.js';
import { ctx } from './browserContext.js';

const environment = { frameOrigins: [inject('sandboxUrl')] };
/** Clicks a button in the flow page framed under `title` (DotsFlow's default title, or ManagePayouts'). */
const press = (name: string, title = 'Dots payout flow') =>
  page.frameLocator(page.getByTitle(title)).getByRole('button', { name, exact: true }).click();

afterEach(() => cleanup());

/** What a user does in the sandbox's flow page: onboarding (phone + code), then the compliance form. */
async function onboardAndFileTaxes() {
  await press('Send code');
  await press('Verify');
  await press('Submit');
}

describe.each([
  ['root README', () => import('readme-snippet:README.md:2')],
  ['react README', () => import('readme-snippet:packages/react/README.md:1')],
])('%s: DotsProvider + DotsFlow', (_, load) => {
  it('calls onStepComplete per step and onComplete once the last step is done', async () => {
    Object.assign(ctx, { user: { id: 'ada' }, track: vi.fn(), navigate: vi.fn(), environment });
    await render((await load()).default as ReactElement);
    await onboardAndFileTaxes();
    await press('Save');
    await expect.poll(() => ctx.navigate).toHaveBeenCalledExactlyOnceWith('/done');
    expect(vi.mocked(ctx.track).mock.calls).toEqual([
      ['onboarding', 'completed'],
      ['compliance', 'completed'],
      ['manage-payouts', 'completed-saved'],
    ]);
  });
});

describe('react README: ManagePayouts', () => {
  it('toasts each save and closes from the host button', async () => {
    Object.assign(ctx, { toast: vi.fn(), close: vi.fn() });
    const snippet = (await import('readme-snippet:packages/react/README.md:2')).default as ReactElement;
    const screen = await render(
      <DotsProvider flowEndpoint="/api/dots/flows" environment={environment}>
        {snippet}
      </DotsProvider>,
    );
    await press('Send code', 'Payout methods');
    await press('Verify', 'Payout methods');
    await press('Save', 'Payout methods');
    await expect.poll(() => ctx.toast).toHaveBeenCalledExactlyOnceWith('completed-saved');
    await screen.getByRole('button', { name: 'Done' }).click();
    expect(ctx.close).toHaveBeenCalledOnce();
  });
});

describe('react README: a themed frame through useDotsFlow', () => {
  it("frames the flow with Dots' ?styles= (dark) from the trusted origin, and the flow still works", async () => {
    const snippet = (await import('readme-snippet:packages/react/README.md:3')).default as ReactElement;
    const screen = await render(
      <DotsProvider flowEndpoint="/api/dots/flows" environment={environment}>
        {snippet}
      </DotsProvider>,
    );
    const frame = screen.getByTitle('Dots payout flow');
    await expect.element(frame).toBeInTheDocument();
    const src = new URL((frame.element() as HTMLIFrameElement).src);
    expect(src.origin).toBe(inject('sandboxUrl'));
    expect(JSON.parse(src.searchParams.get('styles') ?? 'null')).toMatchObject({ theme: 'dark' });
    expect((frame.element() as HTMLIFrameElement).style.colorScheme).toBe('dark');
    // The wrapper wears the same background and scheme as the themed page.
    const wrapper = getComputedStyle(frame.element().parentElement!);
    expect(wrapper.backgroundColor).toBe('rgb(11, 16, 32)');
    expect(wrapper.colorScheme).toBe('dark');
    await press('Send code');
    await press('Verify');
  });
});

describe('core README: a flow without a framework', () => {
  type MountDotsFlow = (container: HTMLElement, options: FlowCallbacks & { steps: StepInput[] }) => () => void;
  const teardown: (() => void)[] = [];
  afterEach(() => teardown.splice(0).forEach((step) => step()));

  it('mounts into a div, follows the page, calls back in order, and stops listening on cleanup', async () => {
    ctx.environment = environment;
    const { mountDotsFlow } = (await import('readme-snippet:packages/core/README.md:1')) as unknown as {
      mountDotsFlow: MountDotsFlow;
    };
    const container = document.createElement('div');
    container.style.width = '640px';
    document.body.append(container);
    teardown.push(() => container.remove());
    // The page's height messages, heard by the test on its own: what the frame and onHeightChange must follow.
    const posted: number[] = [];
    const hear = ({ source, data }: MessageEvent) => {
      if (source !== null && source === container.querySelector('iframe')?.contentWindow && data?.height)
        posted.push(data.height);
    };
    window.addEventListener('message', hear);
    teardown.push(() => window.removeEventListener('message', hear));

    const calls: string[] = [];
    const heights: number[] = [];
    const cleanup = mountDotsFlow(container, {
      steps: ['compliance'],
      onReady: () => calls.push('ready'),
      onHeightChange: (height) => heights.push(height),
      onStepComplete: ({ step, status }) => calls.push(`${step}:${status}`),
      onComplete: () => calls.push('complete'),
      onError: (error) => calls.push(`error:${error.code}`),
    });
    teardown.push(cleanup);
    // `creating`: the notice, before the endpoint has answered.
    expect(container.textContent).toBe('Loading…');

    const frame = page.getByTitle('Dots payout flow');
    await expect.element(frame).toBeInTheDocument();
    const iframe = frame.element() as HTMLIFrameElement;
    expect(new URL(iframe.src).origin).toBe(inject('sandboxUrl'));
    const frameHeight = () => iframe.getBoundingClientRect().height;
    await expect.poll(() => calls).toEqual(['ready']);
    await expect.poll(frameHeight).toBe(posted.at(-1));

    await onboardAndFileTaxes();
    await expect.poll(() => calls).toEqual(['ready', 'onboarding:completed', 'compliance:completed', 'complete']);
    // Each screen had its own height, and the frame took each one the page posted.
    expect(new Set(posted).size).toBeGreaterThan(1);
    await expect.poll(frameHeight).toBe(posted.at(-1));
    expect(heights).toEqual(posted);

    // Still connected, a narrower frame makes the page post a new height, and the frame follows.
    const before = posted.length;
    container.style.width = '240px';
    await expect.poll(() => posted.length).toBeGreaterThan(before);
    await expect.poll(frameHeight).toBe(posted.at(-1));
    expect(heights).toEqual(posted);

    // After the cleanup the page still posts (the test hears it), and nothing changes any more.
    cleanup();
    const settled = { calls: [...calls], heights: [...heights], frame: frameHeight() };
    const after = posted.length;
    container.style.width = '640px';
    await expect.poll(() => posted.length).toBeGreaterThan(after);
    expect(posted.at(-1)).not.toBe(settled.frame);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect({ calls, heights, frame: frameHeight() }).toEqual(settled);
  });

  it("shows the user's message and no frame when the link is not on a trusted origin, with no retry offered", async () => {
    // Dots' production origin only: the sandbox's link is refused before anything is framed.
    ctx.environment = 'production';
    const { mountDotsFlow } = (await import('readme-snippet:packages/core/README.md:1')) as unknown as {
      mountDotsFlow: MountDotsFlow;
    };
    const container = document.createElement('div');
    document.body.append(container);
    teardown.push(() => container.remove());
    const errors: string[] = [];
    teardown.push(mountDotsFlow(container, { steps: ['payout'], onError: (error) => errors.push(error.code) }));
    await expect.poll(() => errors).toEqual(['untrusted_link']);
    expect(container.textContent).toBe(ERROR_MESSAGES.untrusted_link);
    expect(container.querySelector('iframe, button')).toBeNull();
  });
});
