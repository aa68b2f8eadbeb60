// `appearance` in real Chromium against the real sandbox, whose flow page applies Dots' ?styles=: the framed page
// and our own wrapper UI end up in the same colours, and switching appearance restyles the same flow.
import { useState } from 'react';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { commands } from 'vitest/browser';
import { cleanup, render } from 'vitest-browser-react';
import { createAppearance, DotsFlow, DotsProvider, type FlowAppearance } from './index.js';

declare module 'vitest/browser' {
  interface BrowserCommands {
    frameStyle: (title: string, selector: string, property: string) => Promise<string>;
  }
}

const sandboxUrl = inject('sandboxUrl');
const environment = { frameOrigins: [sandboxUrl] };
afterEach(() => cleanup());

const DARK = createAppearance({
  theme: 'dark',
  variables: {
    backgroundColor: '#101418',
    primaryTextColor: '#e6edf3',
    buttonBackgroundColor: '#c88bc4',
    buttonTextColor: '#111111',
    borderRadius: '10px',
  },
});
const LIGHT = createAppearance({ theme: 'light', variables: { backgroundColor: '#fffdf5' } });

const computed = (element: Element, property: string) => getComputedStyle(element).getPropertyValue(property);
/** Waits (Playwright's auto-wait) until the sandbox page inside the frame titled `title` shows its button. */
const pageUp = (title: string) => commands.frameStyle(title, 'button', 'display');
const luminance = (rgb: string) => {
  const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};

/** Creates flows through the test backend, as a host's `createFlow` would, counting the creations. */
function countingCreateFlow() {
  let count = 0;
  const createFlow = async (request: unknown) => {
    count += 1;
    const response = await fetch('/api/dots/flows', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
    return response.json();
  };
  return { createFlow, creations: () => count };
}
describe('appearance in real Chromium', () => {
  it("a dark appearance: a dark flow page, and the wrapper's error UI in the very same colours", async () => {
    const screen = await render(
      <>
        <DotsProvider flowEndpoint="/api/dots/flows" environment={environment}>
          <DotsFlow steps={['compliance']} title="Themed" data-testid="themed" appearance={DARK} />
        </DotsProvider>
        <DotsProvider createFlow={() => Promise.reject(new Error('backend down'))} environment={environment}>
          <DotsFlow steps={['payout']} data-testid="failing" appearance={DARK} />
        </DotsProvider>
      </>,
    );
    await pageUp('Themed');
    const frameBackground = await commands.frameStyle('Themed', 'body', 'background-color');
    const frameText = await commands.frameStyle('Themed', 'body', 'color');
    const frameButton = await commands.frameStyle('Themed', 'button', 'background-color');
    const frameButtonText = await commands.frameStyle('Themed', 'button', 'color');
    expect(frameBackground).toBe('rgb(16, 20, 24)');
    expect(frameText).toBe('rgb(230, 237, 243)');
    expect(await commands.frameStyle('Themed', ':root', 'color-scheme')).toBe('dark');

    await expect.element(screen.getByRole('alert')).toBeVisible();
    const failing = screen.getByTestId('failing').element();
    const alert = screen.getByRole('alert').element();
    const retry = screen.getByRole('button', { name: 'Try again' }).element();
    expect(computed(failing, 'background-color')).toBe(frameBackground);
    expect(computed(alert, 'color')).toBe(frameText);
    expect(computed(retry, 'background-color')).toBe(frameButton);
    expect(computed(retry, 'color')).toBe(frameButtonText);
    expect(computed(retry, 'border-top-left-radius')).toBe(
      await commands.frameStyle('Themed', 'button', 'border-top-left-radius'),
    );
    // The frame shares its page's scheme, so Chromium paints no opaque light backdrop behind a dark page.
    const iframe = screen.getByTestId('themed').element().querySelector('iframe')!;
    expect(computed(iframe, 'color-scheme')).toBe('dark');
  });

  it("the theme alone: a dark page, and a wrapper in the browser's dark colours", async () => {
    const themeOnly = createAppearance({ theme: 'dark' });
    const screen = await render(
      <DotsProvider flowEndpoint="/api/dots/flows" environment={environment}>
        <DotsFlow steps={['compliance']} title="Theme only" data-testid="theme-only" appearance={themeOnly} />
      </DotsProvider>,
    );
    await pageUp('Theme only');
    expect(luminance(await commands.frameStyle('Theme only', 'body', 'background-color'))).toBeLessThan(40);
    const container = screen.getByTestId('theme-only').element();
    expect(luminance(computed(container, 'background-color'))).toBeLessThan(40);
    expect(luminance(computed(container, 'color'))).toBeGreaterThan(200);
  });

  it('switching appearance restyles the same flow: one creation, same flow id, new page colours', async () => {
    const { createFlow, creations } = countingCreateFlow();
    let setAppearance: (next: FlowAppearance) => void = () => undefined;
    function Host() {
      const [appearance, set] = useState<FlowAppearance>(DARK);
      setAppearance = set;
      return (
        <DotsProvider createFlow={createFlow} environment={environment}>
          <DotsFlow steps={['compliance']} title="Switching" appearance={appearance} data-testid="switching" />
        </DotsProvider>
      );
    }
    const screen = await render(<Host />);
    await pageUp('Switching');
    expect(await commands.frameStyle('Switching', 'body', 'background-color')).toBe('rgb(16, 20, 24)');
    const iframe = screen.getByTestId('switching').element().querySelector('iframe')!;
    const flowPath = new URL(iframe.src).pathname;

    setAppearance(LIGHT);
    await expect.poll(() => commands.frameStyle('Switching', 'body', 'background-color')).toBe('rgb(255, 253, 245)');
    const after = screen.getByTestId('switching').element().querySelector('iframe')!;
    expect(after).toBe(iframe);
    expect(new URL(after.src).pathname).toBe(flowPath);
    expect(creations()).toBe(1);
  });

  it("a provider's appearance styles every flow below (a flow's own wins), and switching it restyles the same flows", async () => {
    const { createFlow, creations } = countingCreateFlow();
    let setAppearance: (next: FlowAppearance) => void = () => undefined;
    function Host() {
      const [appearance, set] = useState<FlowAppearance>(DARK);
      setAppearance = set;
      return (
        <DotsProvider createFlow={createFlow} environment={environment} appearance={appearance}>
          <DotsFlow steps={['compliance']} title="Provider-styled" data-testid="provider-styled" />
          <DotsFlow steps={['payout']} title="Own style" appearance={LIGHT} />
        </DotsProvider>
      );
    }
    const screen = await render(<Host />);
    await pageUp('Provider-styled');
    await pageUp('Own style');
    const frameBackground = await commands.frameStyle('Provider-styled', 'body', 'background-color');
    expect(frameBackground).toBe('rgb(16, 20, 24)');
    expect(await commands.frameStyle('Own style', 'body', 'background-color')).toBe('rgb(255, 253, 245)');
    const container = screen.getByTestId('provider-styled').element();
    expect(computed(container, 'background-color')).toBe(frameBackground);
    const iframe = container.querySelector('iframe')!;
    const flowPath = new URL(iframe.src).pathname;

    setAppearance(LIGHT);
    await expect
      .poll(() => commands.frameStyle('Provider-styled', 'body', 'background-color'))
      .toBe('rgb(255, 253, 245)');
    expect(container.querySelector('iframe')).toBe(iframe);
    expect(new URL(iframe.src).pathname).toBe(flowPath);
    expect(creations()).toBe(2);
  });
});
