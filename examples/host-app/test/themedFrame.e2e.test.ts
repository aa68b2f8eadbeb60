// The example in Chromium in light and dark: the Dots frame wears the page's palette (createAppearance), so page,
// wrapper and frame are one surface in both schemes, and switching the system scheme restyles the same flow.
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { createAccount, signUpWithFlow } from './browserHelpers.js';
import { setUpHostAppInChromium } from './hostAppInChromium.js';

const host = setUpHostAppInChromium();

const FRAME = 'iframe[title="Sign-up with Dots: phone and tax details"]';
const frameBackground = (page: Page) =>
  page
    .frameLocator(FRAME)
    .locator('body')
    .evaluate((body) => getComputedStyle(body).backgroundColor);
const cardBackground = (page: Page) =>
  page.locator('[data-dots-flow]').evaluate((element) => getComputedStyle(element).backgroundColor);

describe('the example frame follows the page scheme', { timeout: 60_000 }, () => {
  it.each([
    ['light', 'rgb(255, 255, 255)'],
    ['dark', 'rgb(31, 31, 42)'],
  ] as const)('%s: frame page and wrapper share the card colour', async (colorScheme, card) => {
    const context = await host.browser.newContext({ colorScheme });
    try {
      const page = await context.newPage();
      await page.goto(`${host.app.url}/signup`);
      await createAccount(page, 'Grace Hopper', `grace-${colorScheme}@example.com`, 'correct horse battery');
      await page.frameLocator(FRAME).getByRole('heading', { level: 1, name: 'Verify your phone' }).waitFor();
      expect(await frameBackground(page)).toBe(card);
      expect(await cardBackground(page)).toBe(card);
      expect(await page.locator(FRAME).evaluate((frame) => getComputedStyle(frame).colorScheme)).toBe(colorScheme);
    } finally {
      await context.close();
    }
  });

  it('the payout settings frame (ManagePayouts) wears it too', async () => {
    const context = await host.browser.newContext({ colorScheme: 'dark' });
    try {
      const page = await context.newPage();
      await signUpWithFlow(page, host.app.url, 'Grace Hopper', 'grace-settings@example.com');
      const payouts = page.frameLocator('iframe[title="Dots payout methods"]');
      await payouts.getByRole('heading', { level: 1, name: 'Payout methods' }).waitFor();
      const body = await payouts.locator('body').evaluate((element) => getComputedStyle(element).backgroundColor);
      expect(body).toBe('rgb(31, 31, 42)');
      const widget = page.locator('[data-dots-manage-payouts]');
      expect(await widget.evaluate((element) => getComputedStyle(element).colorScheme)).toBe('dark');
      expect(await widget.getAttribute('appearance')).toBeNull();
    } finally {
      await context.close();
    }
  });

  it('switching the system scheme restyles the same flow', async () => {
    const context = await host.browser.newContext({ colorScheme: 'light' });
    try {
      const page = await context.newPage();
      await page.goto(`${host.app.url}/signup`);
      await createAccount(page, 'Grace Hopper', 'grace-switch@example.com', 'correct horse battery');
      await page.frameLocator(FRAME).getByRole('heading', { level: 1, name: 'Verify your phone' }).waitFor();
      const flowPath = new URL((await page.locator(FRAME).getAttribute('src'))!).pathname;
      await page.emulateMedia({ colorScheme: 'dark' });
      await expect.poll(() => frameBackground(page)).toBe('rgb(31, 31, 42)');
      expect(new URL((await page.locator(FRAME).getAttribute('src'))!).pathname).toBe(flowPath);
    } finally {
      await context.close();
    }
  });
});
