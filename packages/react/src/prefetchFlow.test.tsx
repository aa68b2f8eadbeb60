import { describe, expect, it } from 'vitest';
import { render, waitFor } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { DotsFlow } from './DotsFlow.js';
import { DotsProvider } from './DotsProvider.js';
import { prefetchFlow } from './flowQuery.js';
import { useDotsFlow } from './useDotsFlow.js';
import { ENDPOINT, FRAME_ORIGIN, received } from './test/backend.js';
import { setupMswBackend, wrapper } from './test/setup.js';

setupMswBackend();

const frame = () => document.querySelector('iframe');

describe('prefetchFlow', () => {
  it('creates the flow before mount, and the mounted flow reuses it', async () => {
    const queryClient = new QueryClient();
    await prefetchFlow(queryClient, { flowEndpoint: ENDPOINT, steps: [{ name: 'payout' }] });
    expect(received).toHaveLength(1);
    render(<DotsFlow steps={['payout']} />, { wrapper: wrapper({ queryClient }) });
    await waitFor(() => expect(frame()?.getAttribute('src')).toBe(`${FRAME_ORIGIN}/flow/flow_1`));
    expect(received).toHaveLength(1);
  });

  it('shares an in-flight prefetch with a flow mounted meanwhile', async () => {
    const queryClient = new QueryClient();
    const pending = prefetchFlow(queryClient, { flowEndpoint: ENDPOINT, steps: ['compliance'], metadata: { a: '1' } });
    render(<DotsFlow steps={['compliance']} metadata={{ a: '1' }} />, { wrapper: wrapper({ queryClient }) });
    await pending;
    await waitFor(() => expect(frame()).not.toBeNull());
    expect(received).toHaveLength(1);
  });

  it('does not reuse a prefetch for a different request', async () => {
    const queryClient = new QueryClient();
    await prefetchFlow(queryClient, { flowEndpoint: ENDPOINT, steps: ['compliance'] });
    render(<DotsFlow steps={['payout']} />, { wrapper: wrapper({ queryClient }) });
    await waitFor(() => expect(frame()?.getAttribute('src')).toBe(`${FRAME_ORIGIN}/flow/flow_2`));
  });

  it('rejects unknown steps with a typed error and sends nothing', async () => {
    // @ts-expect-error -- not a step
    const attempt = prefetchFlow(new QueryClient(), { flowEndpoint: ENDPOINT, steps: ['withdraw'] });
    await expect(attempt).rejects.toMatchObject({ code: 'invalid_request' });
    expect(received).toHaveLength(0);
  });
});

describe('useDotsFlow (headless)', () => {
  it('gives a custom UI everything it needs to render the frame', async () => {
    function Custom() {
      const flow = useDotsFlow({ steps: ['id-verification'], title: 'Verify' });
      return (
        <section data-status={flow.status} data-steps={flow.steps.join(',')}>
          {flow.frameProps ? <iframe {...flow.frameProps} /> : <p>wait</p>}
        </section>
      );
    }
    render(<Custom />, { wrapper: wrapper() });
    await waitFor(() => expect(frame()).not.toBeNull());
    const section = document.querySelector('section')!;
    expect(section.dataset.status).toBe('loading');
    expect(section.dataset.steps).toBe('onboarding,id-verification');
    expect(frame()!.title).toBe('Verify');
    expect(frame()!.getAttribute('allow')).toBe('camera');
  });
});

describe('userKey', () => {
  it('never reuses a flow created for another signed-in user', async () => {
    const queryClient = new QueryClient();
    const { rerender } = render(
      <DotsProvider flowEndpoint={ENDPOINT} environment="sandbox" queryClient={queryClient} userKey="alice">
        <DotsFlow steps={['payout']} />
      </DotsProvider>,
    );
    await waitFor(() => expect(frame()?.getAttribute('src')).toBe(`${FRAME_ORIGIN}/flow/flow_1`));
    rerender(
      <DotsProvider flowEndpoint={ENDPOINT} environment="sandbox" queryClient={queryClient} userKey="bob">
        <DotsFlow steps={['payout']} />
      </DotsProvider>,
    );
    await waitFor(() => expect(frame()?.getAttribute('src')).toBe(`${FRAME_ORIGIN}/flow/flow_2`));
    expect(received).toHaveLength(2);
  });

  it('lets a prefetch for the same user be reused', async () => {
    const queryClient = new QueryClient();
    await prefetchFlow(queryClient, { flowEndpoint: ENDPOINT, userKey: 'alice', steps: ['payout'] as const });
    render(
      <DotsProvider flowEndpoint={ENDPOINT} environment="sandbox" queryClient={queryClient} userKey="alice">
        <DotsFlow steps={['payout']} />
      </DotsProvider>,
    );
    await waitFor(() => expect(frame()).not.toBeNull());
    expect(received).toHaveLength(1);
  });
});
