// Dots' `?styles=` on the flow link (docs/guides/flow-style.mdx): theme and variables, as computed styles
// in real Chromium; malformed or unsafe input changes nothing.
import type { FrameLocator } from 'playwright';
import { describe, expect, it } from 'vitest';
import { STYLE_VARIABLES, cssPropertyOf } from '../page/flowStyles.js';
import { staticFlowLink } from './staticFlowLink.js';
import { KNOWN_USER, createFlow } from './test-support/http.js';
import { heading, openHost } from './test-support/flowPageDriver.js';
import { setUpFlowPageSuite } from './test-support/flowPageSuite.js';

const suite = setUpFlowPageSuite();
const { cleanups } = suite;

const withStyles = (link: string, styles: unknown) =>
  `${link}${link.includes('?') ? '&' : '?'}styles=${encodeURIComponent(typeof styles === 'string' ? styles : JSON.stringify(styles))}`;

/** Opens a manage-payouts flow (tabs, inputs, a disabled Save) with `styles`, in server or static mode. */
async function open(styles: unknown, mode: 'server' | 'static' = 'server') {
  const steps = [{ name: 'manage-payouts' as const, require_default_payout_method: true }];
  const link =
    mode === 'server'
      ? (await createFlow(suite.sandbox.url, { steps, user_id: KNOWN_USER, require_auth: true })).link
      : staticFlowLink(`${suite.sandbox.url}/flow`, { steps, user_id: KNOWN_USER, require_auth: true });
  const { frame } = await openHost(suite.browser, suite.host, withStyles(link, styles), cleanups);
  await heading(frame, 'Verify it’s you');
  return frame;
}

/** What `getComputedStyle` needs in the page (this package's TypeScript has no DOM library). */
type StyleWindow = { getComputedStyle(node: unknown): { getPropertyValue(name: string): string } };

// Runs in the page: `globalThis` there is the frame's own window.
const style = (frame: FrameLocator, selector: string, property: string) =>
  frame
    .locator(selector)
    .first()
    .evaluate(
      (node, name) => (globalThis as unknown as StyleWindow).getComputedStyle(node).getPropertyValue(name),
      property,
    );

const LIGHT_BACKGROUND = 'rgb(255, 255, 255)';
const DARK_BACKGROUND = 'rgb(13, 17, 23)';

describe('?styles= on the flow page', () => {
  it('applies the dark theme: a dark page, light text, dark inputs, color-scheme dark', async () => {
    const frame = await open({ theme: 'dark' });
    expect(await style(frame, 'body', 'background-color')).toBe(DARK_BACKGROUND);
    expect(await style(frame, 'h1', 'color')).toBe('rgb(230, 237, 243)');
    expect(await style(frame, 'input', 'background-color')).toBe(DARK_BACKGROUND);
    expect(await style(frame, ':root', 'color-scheme')).toBe('dark');
  }, 20_000);

  it('applies each variable Dots documents, over the theme', async () => {
    const frame = await open({
      theme: 'dark',
      variables: {
        backgroundColor: '#000000',
        primaryTextColor: 'rgb(255, 250, 240)',
        secondaryTextColor: '#9ca3af',
        buttonBackgroundColor: '#c88bc4',
        buttonTextColor: '#111111',
        buttonDisabledBackgroundColor: '#1f2937',
        buttonDisabledTextColor: '#d1d5db',
        inputBackgroundColor: '#111827',
        inputBorderColor: '#c88bc4',
        tabBackgroundColor: '#222222',
        tabBorderColor: '#e5e7eb',
        borderRadius: '12px',
      },
    });
    expect(await style(frame, 'body', 'background-color')).toBe('rgb(0, 0, 0)');
    expect(await style(frame, 'h1', 'color')).toBe('rgb(255, 250, 240)');
    expect(await style(frame, 'button', 'background-color')).toBe('rgb(200, 139, 196)');
    expect(await style(frame, 'button', 'color')).toBe('rgb(17, 17, 17)');
    expect(await style(frame, 'button', 'border-top-left-radius')).toBe('12px');
    expect(await style(frame, 'input', 'background-color')).toBe('rgb(17, 24, 39)');
    expect(await style(frame, 'input', 'border-top-color')).toBe('rgb(200, 139, 196)');
    expect(await style(frame, 'input', 'border-top-left-radius')).toBe('12px');

    // On the payout-methods screen: the rail tabs, and Save disabled until a default is chosen.
    await frame.getByRole('button', { name: 'Verify' }).click();
    await heading(frame, 'Payout methods');
    expect(await style(frame, 'legend', 'color')).toBe('rgb(156, 163, 175)');
    expect(await style(frame, '.progress', 'color')).toBe('rgb(156, 163, 175)');
    expect(await style(frame, '.tab', 'background-color')).toBe('rgb(34, 34, 34)');
    expect(await style(frame, '.tab', 'border-top-color')).toBe('rgb(229, 231, 235)');
    expect(await style(frame, 'button:disabled', 'background-color')).toBe('rgb(31, 41, 55)');
    expect(await style(frame, 'button:disabled', 'color')).toBe('rgb(209, 213, 219)');
  }, 30_000);

  it('sets all 19 variables as custom properties, in static mode too', async () => {
    const variables = Object.fromEntries(
      STYLE_VARIABLES.map((name, i) => [name, name === 'borderRadius' ? '3px' : `rgb(${i}, 1, 2)`]),
    );
    const frame = await open({ variables }, 'static');
    for (const [name, value] of Object.entries(variables)) {
      expect(await style(frame, ':root', cssPropertyOf(name)), name).toBe(value);
    }
    expect(await style(frame, 'body', 'background-color')).toBe(variables['backgroundColor']);
  }, 20_000);

  it.each([
    ['malformed JSON', '{"theme":"dark"'],
    ['an unknown theme', { theme: 'neon' }],
    ['an unsafe value', { variables: { backgroundColor: 'red;} body{display:none' } }],
    ['a url() value', { variables: { backgroundColor: 'url(https://evil.example/x.png)' } }],
    ['something that is not a color', { variables: { backgroundColor: 'banana' } }],
    ['an unknown variable', { variables: { pageBackground: '#000000' } }],
  ])(
    'ignores %s: the page stays light and works',
    async (_name, styles) => {
      const frame = await open(styles);
      expect(await style(frame, 'body', 'background-color')).toBe(LIGHT_BACKGROUND);
      expect(await style(frame, 'body', 'display')).toBe('block');
      expect(await style(frame, ':root', '--dots-page-background')).toBe('');
      await frame.getByRole('button', { name: 'Verify' }).click();
      await heading(frame, 'Payout methods');
    },
    20_000,
  );
});
