import { describe, expect, it } from 'vitest';
import { render, waitFor } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import type { Appearance } from '@dots-flow/core';
import { DotsFlow } from './DotsFlow.js';
import { DotsProvider } from './DotsProvider.js';
import { ManagePayouts } from './ManagePayouts.js';
import { ENDPOINT, FRAME_ORIGIN, received } from './test/backend.js';
import { setupMswBackend } from './test/setup.js';

setupMswBackend();

const frame = () => document.querySelector('iframe');
const stylesOf = (src: string | null | undefined): unknown => {
  const raw = src ? new URL(src).searchParams.get('styles') : null;
  return raw === null ? undefined : JSON.parse(raw);
};

function App({ provider, flow }: { provider?: Appearance; flow?: Appearance }) {
  return (
    <DotsProvider flowEndpoint={ENDPOINT} environment="sandbox" queryClient={client} appearance={provider}>
      <DotsFlow steps={['compliance']} appearance={flow} />
    </DotsProvider>
  );
}
let client = new QueryClient();

describe('appearance', () => {
  it("frames the link with Dots' ?styles= from the provider, the flow's merged over it", async () => {
    client = new QueryClient();
    render(
      <App
        provider={{ theme: 'dark', variables: { backgroundColor: '#0b1020', borderRadius: '4px' } }}
        flow={{ variables: { borderRadius: '10px' } }}
      />,
    );
    await waitFor(() => expect(frame()).not.toBeNull());
    const src = frame()!.getAttribute('src')!;
    expect(src.startsWith(`${FRAME_ORIGIN}/flow/flow_1?styles=`)).toBe(true);
    expect(stylesOf(src)).toEqual({ theme: 'dark', variables: { backgroundColor: '#0b1020', borderRadius: '10px' } });
    // The request to the backend carries no appearance: it is a property of the frame, not of the flow.
    expect(received[0]!.body).toEqual({ steps: ['compliance'] });
  });

  it('restyles the frame without creating another flow when the appearance changes', async () => {
    client = new QueryClient();
    const { rerender } = render(<App provider={{ theme: 'light' }} />);
    await waitFor(() => expect(frame()).not.toBeNull());
    expect(stylesOf(frame()!.getAttribute('src'))).toEqual({ theme: 'light' });
    rerender(<App provider={{ theme: 'dark' }} flow={{ variables: { primaryColor: '#c88bc4' } }} />);
    await waitFor(() =>
      expect(stylesOf(frame()!.getAttribute('src'))).toEqual({ theme: 'dark', variables: { primaryColor: '#c88bc4' } }),
    );
    // An equal-but-new appearance object changes nothing either.
    rerender(<App provider={{ theme: 'dark' }} flow={{ variables: { primaryColor: '#c88bc4' } }} />);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(received).toHaveLength(1);
  });

  it('leaves the link exactly as Dots gave it without an appearance', async () => {
    client = new QueryClient();
    render(<App />);
    await waitFor(() => expect(frame()).not.toBeNull());
    expect(frame()!.getAttribute('src')).toBe(`${FRAME_ORIGIN}/flow/flow_1`);
  });

  it('themes our own wrapper with the same appearance; the host style still wins', async () => {
    client = new QueryClient();
    render(
      <DotsProvider
        flowEndpoint={ENDPOINT}
        environment="sandbox"
        queryClient={client}
        appearance={{
          theme: 'dark',
          variables: { borderRadius: '6px', backgroundColor: '#111827', primaryTextColor: '#f9fafb' },
        }}
      >
        <DotsFlow steps={['compliance']} data-testid="flow" style={{ color: 'rgb(1, 2, 3)' }} />
        <ManagePayouts data-testid="widget" appearance={{ variables: { buttonBackgroundColor: '#c88bc4' } }} />
      </DotsProvider>,
    );
    const container = document.querySelector<HTMLElement>('[data-testid="flow"]')!;
    expect(container.style.colorScheme).toBe('dark');
    expect(container.style.getPropertyValue('--dots-flow-radius')).toBe('6px');
    expect(container.style.getPropertyValue('--dots-flow-muted')).toBe('#111827');
    expect(container.style.color).toBe('rgb(1, 2, 3)');
    const widget = document.querySelector<HTMLElement>('[data-testid="widget"]')!;
    expect(widget.style.colorScheme).toBe('dark');
    expect(widget.style.getPropertyValue('--dots-flow-accent')).toBe('#c88bc4');
    expect(widget.style.color).toBe('rgb(249, 250, 251)');
  });
});
