// Drives the flow page in real Chromium from a host page on another origin (playwright-core).
import { chromium } from 'playwright';
import type { Browser, FrameLocator, Page } from 'playwright';
import { expect } from 'vitest';
import type { startHostServer } from './hostServers.js';

export interface Received {
  origin: string;
  data: unknown;
}

/** The system Chromium: nothing is ever downloaded. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium' });
}

export const isHeight = (data: unknown) =>
  typeof data === 'object' && data !== null && Object.keys(data).join() === 'height';

export const completed = (step: string, status = 'completed') => ({ step, status });

/**
 * Opens the host page framing `link` in a fresh context (closed by `cleanups`), with helpers to read
 * the messages it received.
 */
export async function openHost(
  browser: Browser,
  host: Awaited<ReturnType<typeof startHostServer>>,
  link: string,
  cleanups: (() => Promise<unknown>)[],
  setup?: (page: Page) => Promise<unknown>,
) {
  const context = await browser.newContext();
  cleanups.push(() => context.close());
  const page = await context.newPage();
  await setup?.(page);
  await page.goto(host.hostPage(link));
  const frame: FrameLocator = page.frameLocator('iframe');
  const messages = async () => (await page.evaluate('window.__messages')) as Received[];
  const stepMessages = async () => (await messages()).map((m) => m.data).filter((d) => !isHeight(d));
  return { page, frame, messages, stepMessages };
}

/** Height first, then only Dots' documented shapes, all from `origin`, each height a new positive integer. */
export function expectDotsMessages(messages: Received[], origin: string) {
  expect(messages.length).toBeGreaterThan(0);
  expect(isHeight(messages[0]?.data)).toBe(true);
  let lastHeight = 0;
  for (const { origin: from, data } of messages) {
    expect(from).toBe(origin);
    if (isHeight(data)) {
      const { height } = data as { height: number };
      expect(Number.isInteger(height) && height > 0 && height !== lastHeight).toBe(true);
      lastHeight = height;
    } else {
      expect(Object.keys(data as object).sort()).toEqual(['status', 'step']);
    }
  }
}

/** Clicks the button called `button`, then waits for the heading `nextHeading` when given. */
export async function press(frame: FrameLocator, button: string, nextHeading?: string) {
  await frame.getByRole('button', { name: button, exact: true }).click();
  if (nextHeading) await heading(frame, nextHeading);
}

export function heading(frame: FrameLocator, name: string) {
  return frame.getByRole('heading', { level: 1, name }).waitFor();
}
