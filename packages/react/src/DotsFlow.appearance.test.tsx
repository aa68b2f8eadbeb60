// `appearance` on DotsProvider and DotsFlow: Dots' ?styles= on the frame link (only after the link's origin check),
// the frame's colour scheme, and the container's style; changing it never creates another flow.
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { createAppearance, type FlowAppearance } from '@dots-flow/core';
import { DotsFlow, type DotsFlowProps } from './DotsFlow.js';
import { DotsProvider } from './DotsProvider.js';
import { FRAME_ORIGIN, makeFlow } from './test/backend.js';

afterEach(() => cleanup());

const DARK = createAppearance({
  theme: 'dark',
  variables: { backgroundColor: '#0b0b0f', primaryTextColor: '#f0f0f0', buttonBackgroundColor: '#c88bc4' },
});
const LIGHT = createAppearance({ theme: 'light', variables: { borderRadius: '4px' } });

const frame = () => document.querySelector('iframe');
const stylesOf = (src: string | undefined) => {
  const raw = src && new URL(src).searchParams.get('styles');
  return raw ? JSON.parse(raw) : undefined;
};

function setup(link = `${FRAME_ORIGIN}/flow/flow_1`) {
  const createFlow = vi.fn(async () => makeFlow('flow_1', ['payout'], { link }));
  function Host({ providerAppearance, ...props }: Partial<DotsFlowProps> & { providerAppearance?: FlowAppearance }) {
    const [client] = useState(() => new QueryClient());
    return (
      <DotsProvider createFlow={createFlow} environment="sandbox" queryClient={client} appearance={providerAppearance}>
        <DotsFlow steps={['payout']} data-testid="flow" {...(props as object)} />
      </DotsProvider>
    );
  }
  return { createFlow, Host };
}

describe('appearance', () => {
  it("adds the flow's appearance to the frame link, the frame's colour scheme and the container", async () => {
    const { Host } = setup();
    render(<Host appearance={DARK} />);
    await waitFor(() => expect(frame()).not.toBeNull());
    expect(frame()!.src).toBe(DARK.apply(`${FRAME_ORIGIN}/flow/flow_1`));
    expect(stylesOf(frame()!.src)).toEqual({
      theme: 'dark',
      variables: expect.objectContaining({ primaryTextColor: '#f0f0f0' }),
    });
    expect(frame()!.style.colorScheme).toBe('dark');
    const container = screen.getByTestId('flow');
    expect(container.style.getPropertyValue('--dots-flow-accent')).toBe('#c88bc4');
    expect(container.style.color).toBe('rgb(240, 240, 240)');
    expect(container.style.colorScheme).toBe('dark');
    expect(container.hasAttribute('appearance')).toBe(false);
  });

  it("lets the host's own style win over the appearance's", async () => {
    const { Host } = setup();
    render(<Host appearance={LIGHT} style={{ color: 'rgb(1, 2, 3)' }} />);
    await waitFor(() => expect(frame()).not.toBeNull());
    expect(stylesOf(frame()!.src)).toEqual({ theme: 'light', variables: { borderRadius: '4px' } });
    expect(frame()!.style.colorScheme).toBe('light');
    const container = screen.getByTestId('flow');
    expect(container.style.getPropertyValue('--dots-flow-radius')).toBe('4px');
    expect(container.style.getPropertyValue('--dots-flow-accent')).toBe('');
    expect(container.style.color).toBe('rgb(1, 2, 3)');
    expect(container.style.backgroundColor).toBe('canvas');
  });

  it('changing the appearance restyles the same frame and flow, never creating another', async () => {
    const { Host, createFlow } = setup();
    const onReady = vi.fn();
    const { rerender } = render(<Host appearance={DARK} onReady={onReady} />);
    await waitFor(() => expect(frame()).not.toBeNull());
    const first = frame();
    rerender(<Host appearance={LIGHT} onReady={onReady} />);
    expect(frame()).toBe(first);
    expect(stylesOf(frame()!.src)?.theme).toBe('light');
    rerender(<Host onReady={onReady} />);
    expect(frame()).toBe(first);
    expect(frame()!.src).toBe(`${FRAME_ORIGIN}/flow/flow_1`);
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(createFlow).toHaveBeenCalledTimes(1);
  });

  it("a provider's appearance is every flow's default, and a flow's own appearance wins", async () => {
    const createFlow = vi.fn(async () => makeFlow('flow_1', ['payout']));
    render(
      <DotsProvider createFlow={createFlow} environment="sandbox" appearance={DARK}>
        <DotsFlow steps={['payout']} title="Default" data-testid="default" />
        <DotsFlow steps={['compliance']} title="Own" data-testid="own" appearance={LIGHT} />
      </DotsProvider>,
    );
    await waitFor(() => expect(document.querySelectorAll('iframe')).toHaveLength(2));
    const byDefault = screen.getByTitle('Default') as HTMLIFrameElement;
    expect(stylesOf(byDefault.src)?.theme).toBe('dark');
    expect(byDefault.style.colorScheme).toBe('dark');
    expect(screen.getByTestId('default').style.getPropertyValue('--dots-flow-accent')).toBe('#c88bc4');
    const own = screen.getByTitle('Own') as HTMLIFrameElement;
    expect(stylesOf(own.src)).toEqual({ theme: 'light', variables: { borderRadius: '4px' } });
    expect(own.style.colorScheme).toBe('light');
    expect(screen.getByTestId('own').style.getPropertyValue('--dots-flow-radius')).toBe('4px');
    expect(screen.getByTestId('own').style.getPropertyValue('--dots-flow-accent')).toBe('');
  });

  it("changing the provider's appearance (or an equal new one each render) restyles the same frame and flow", async () => {
    const { Host, createFlow } = setup();
    const onReady = vi.fn();
    const dark = () => createAppearance({ theme: 'dark', variables: { buttonBackgroundColor: '#c88bc4' } });
    const { rerender } = render(<Host providerAppearance={dark()} onReady={onReady} />);
    await waitFor(() => expect(frame()).not.toBeNull());
    const first = frame();
    const src = first!.src;
    expect(stylesOf(src)?.theme).toBe('dark');
    rerender(<Host providerAppearance={dark()} onReady={onReady} />);
    rerender(<Host providerAppearance={dark()} onReady={onReady} />);
    expect(frame()).toBe(first);
    expect(frame()!.src).toBe(src);
    rerender(<Host providerAppearance={LIGHT} onReady={onReady} />);
    expect(frame()).toBe(first);
    expect(stylesOf(frame()!.src)?.theme).toBe('light');
    expect(screen.getByTestId('flow').style.getPropertyValue('--dots-flow-radius')).toBe('4px');
    rerender(<Host onReady={onReady} />);
    expect(frame()).toBe(first);
    expect(frame()!.src).toBe(`${FRAME_ORIGIN}/flow/flow_1`);
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(createFlow).toHaveBeenCalledTimes(1);
  });

  it('applies the appearance only to a link that passed its origin check: an untrusted link stays refused', async () => {
    const { Host } = setup('https://my.dots.dev.evil.example/flow/flow_1');
    const spy: FlowAppearance = {
      ...DARK,
      apply: vi.fn(DARK.apply),
      frame: vi.fn(DARK.frame) as unknown as FlowAppearance['frame'],
    };
    const onError = vi.fn();
    render(<Host appearance={spy} onError={onError} />);
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(onError.mock.calls[0]![0]).toMatchObject({ code: 'untrusted_link' });
    expect(frame()).toBeNull();
    expect(spy.frame).not.toHaveBeenCalled();
    expect(spy.apply).not.toHaveBeenCalled();
    // The error UI still wears the appearance.
    expect(screen.getByTestId('flow').style.getPropertyValue('--dots-flow-accent')).toBe('#c88bc4');
  });

  it('carries no unsafe value into the container style', async () => {
    const { Host } = setup();
    const hostile = createAppearance({
      theme: 'dark',
      variables: {
        backgroundColor: '"); background:url(https://evil.example/x.png',
        primaryTextColor: 'red; background: url(x)',
        buttonBackgroundColor: 12,
        borderRadius: 'var(--x)',
      },
    } as never);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    render(<Host appearance={hostile} />);
    await waitFor(() => expect(frame()).not.toBeNull());
    const container = screen.getByTestId('flow');
    expect(container.getAttribute('style')).not.toMatch(/url|var\(|evil|;\s*background:/);
    expect(container.style.backgroundColor).toBe('canvas');
    expect(stylesOf(frame()!.src)).toEqual({ theme: 'dark', variables: {} });
  });
});
