// Real Chromium: a flow created beforehand by the host's backend (the server kit in front of the running sandbox,
// as a route loader would) is framed from the sandbox's origin and driven by its real cross-origin messages.
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { cleanup, render } from 'vitest-browser-react';
import { QueryClient } from '@tanstack/react-query';
import { DotsFlow, DotsProvider, type Flow } from './index.js';

const sandboxUrl = inject('sandboxUrl');

afterEach(() => cleanup());

/** What a route loader does: the backend creates the flow and hands the Dots flow object to the page. */
async function loaderFlow(steps: string[]): Promise<Flow> {
  const response = await fetch('/api/dots/flows', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ steps }),
  });
  expect(response.ok).toBe(true);
  return (await response.json()) as Flow;
}

describe('DotsFlow with a given flow, in real Chromium', () => {
  it('frames it and follows the real frame to completion, creating nothing', async () => {
    const flow = await loaderFlow(['compliance']);
    const createFlow = vi.fn(() => Promise.reject(new Error('a given flow is never created')));
    const events: string[] = [];
    await render(
      <DotsProvider
        createFlow={createFlow}
        environment={{ frameOrigins: [sandboxUrl] }}
        queryClient={new QueryClient()}
      >
        <DotsFlow
          flow={flow}
          onReady={() => events.push('ready')}
          onStepComplete={({ step, flowId }) => events.push(`${step}:${flowId === flow.id}`)}
          onComplete={({ flowId }) => events.push(`complete:${flowId === flow.id}`)}
        />
      </DotsProvider>,
    );
    const iframe = page.getByTitle('Dots payout flow');
    await expect.element(iframe).toHaveAttribute('src', flow.link);
    await expect.poll(() => events).toEqual(['ready']);
    const frame = page.frameLocator(iframe);
    await frame.getByRole('button', { name: 'Send code' }).click();
    await frame.getByRole('button', { name: 'Verify' }).click();
    await frame.getByRole('button', { name: 'Submit' }).click();
    await expect.poll(() => events).toEqual(['ready', 'onboarding:true', 'compliance:true', 'complete:true']);
    expect(createFlow).not.toHaveBeenCalled();
  });

  it('refuses the same flow where its origin is not trusted', async () => {
    const flow = await loaderFlow(['payout']);
    const onError = vi.fn();
    const screen = await render(
      <DotsProvider flowEndpoint="/api/dots/flows" environment="production" queryClient={new QueryClient()}>
        <DotsFlow flow={flow} onError={onError} />
      </DotsProvider>,
    );
    await expect.element(page.getByRole('alert')).toBeInTheDocument();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'untrusted_link' }));
    expect(screen.container.querySelector('iframe')).toBeNull();
  });
});
