// Shared steps of the example's Chromium tests: what a person does on the page, and what the backend says.
import type { FrameLocator, Page } from 'playwright';
import { GIGS } from '../server/gigs.js';

export interface Me {
  id: string;
  name: string;
  dotsUserId: string | null;
  payoutsReady: boolean;
  whiteLabel?: boolean;
}

/** Presses a button inside a flow frame and, when given, waits for the heading of the screen it leads to. */
export async function press(frame: FrameLocator, button: string, nextHeading?: string) {
  await frame.getByRole('button', { name: button, exact: true }).click();
  if (nextHeading) await frame.getByRole('heading', { level: 1, name: nextHeading }).waitFor();
}

export async function createAccount(page: Page, name: string, email: string, password: string) {
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
}

/** The signed-in user as the backend reports it; `page.request` shares the page's cookies. */
export const me = async (page: Page, base: string): Promise<Me> =>
  ((await (await page.request.get(`${base}/api/me`)).json()) as { user: Me }).user;

/** Sign-up through the embedded flow: phone (onboarding), then tax details (compliance). Ends on payout settings. */
export async function signUpWithFlow(page: Page, base: string, name: string, email: string) {
  await page.goto(`${base}/signup`);
  await createAccount(page, name, email, 'correct horse battery');
  const signup = page.frameLocator('iframe[title="Sign-up with Dots: phone and tax details"]');
  await signup.getByRole('heading', { level: 1, name: 'Verify your phone' }).waitFor();
  await press(signup, 'Send code', 'Enter the code');
  await press(signup, 'Verify', 'Tax information');
  await press(signup, 'Submit');
  await page.waitForURL(`${base}/account`);
}

/** Saves the payout method in the manage-payouts frame and leaves with the app's own Done button. */
export async function savePayoutMethod(page: Page, base: string) {
  const payouts = page.frameLocator('iframe[title="Dots payout methods"]');
  await press(payouts, 'Save');
  await page.getByRole('status').filter({ hasText: 'No changes to your payout method' }).waitFor();
  await page.getByRole('button', { name: 'Done', exact: true }).click();
  await page.waitForURL(`${base}/`);
}

/** Chooses `method` (its label in the sandbox's frame) as the default payout method, saves, and leaves with Done. */
export async function choosePayoutMethod(page: Page, base: string, method: string) {
  const payouts = page.frameLocator('iframe[title="Dots payout methods"]');
  await payouts.getByLabel(method).check();
  await press(payouts, 'Save');
  await page.getByRole('status').filter({ hasText: 'Payout method updated' }).waitFor();
  await page.getByRole('button', { name: 'Done', exact: true }).click();
  await page.waitForURL(`${base}/`);
}

/** The balance the page shows, in cents (read from the data attribute beside the formatted amount). */
export async function shownBalance(page: Page): Promise<number> {
  const value = await page.locator('.balance [data-balance-cents]').getAttribute('data-balance-cents');
  return Number(value);
}

/**
 * Completes the first gig on the dashboard the page shows: the host pays the user $25.00 (an app → user
 * transfer). A new Dots user's wallet is empty, so this is what a withdrawal takes out.
 */
export async function completeGig(page: Page) {
  const row = page.locator(`[data-gig="${GIGS[0].id}"]`);
  await row.getByRole('button', { name: 'Complete gig, earn $25.00' }).click();
  await row.getByRole('status').filter({ hasText: '$25.00 paid to your balance' }).waitFor();
}
