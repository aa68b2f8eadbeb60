// The READMEs' React snippets, as written, in real Chromium against the running sandbox through the real server
// kit. The only swap: the local sandbox's frame origin for Dots' (see snippetContexts.ts).
import type { ReactElement } from 'react';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { cleanup, render } from 'vitest-browser-react';
import { DotsProvider } from '@dots-flow/react';
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
