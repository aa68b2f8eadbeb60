// The running example in real Chromium: a new user signs up (onboarding + compliance), saves payout
// settings, withdraws; the page's callbacks, the backend's verified webhooks, the flows as Dots
// reports them and the stored Dots user id must all agree. Then a person's path: an unfinished sign-up
// resumed after a reload, results without debug output, sign-out and sign-in again.
import { readFile } from 'node:fs/promises';
import type { FrameLocator, Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import type { FlowWebhookEntry } from '../server/webhookLog.js';
import { completeGig } from './browserHelpers.js';
import { setUpHostAppInChromium } from './hostAppInChromium.js';

/** Dots' user ids are UUIDs. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface ServerFlow {
  id: string;
  user_id: string | null;
  steps: string[];
  completed_steps: string[];
  metadata: Record<string, string> | null;
}

const host = setUpHostAppInChromium();

async function press(frame: FrameLocator, button: string, nextHeading?: string) {
  await frame.getByRole('button', { name: button, exact: true }).click();
  if (nextHeading) await frame.getByRole('heading', { level: 1, name: nextHeading }).waitFor();
}

const callbacks = (page: Page) =>
  page.locator('[data-log="callbacks"] > li').evaluateAll((items) =>
    items.map((li) => {
      const { callback, step, status, flowId } = (li as HTMLElement).dataset;
      return step ? { callback, step, status, flowId } : { callback, flowId };
    }),
  );

interface Me {
  id: string;
  name: string;
  dotsUserId: string | null;
  payoutsReady: boolean;
}

const me = async (page: Page): Promise<Me> =>
  ((await (await page.request.get(`${host.app.url}/api/me`)).json()) as { user: Me }).user;

/** The flow id in the link a flow frame shows. */
const frameFlowId = async (page: Page, title: string) =>
  new URL((await page.locator(`iframe[title="${title}"]`).getAttribute('src'))!).pathname.split('/').at(-1)!;

const navLinks = (page: Page) => page.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts();

async function createAccount(page: Page, name: string, email: string, password: string) {
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
}

async function serverFlow(page: Page, id: string): Promise<ServerFlow> {
  // page.request shares the browser's cookies: this is the page's own session asking its backend.
  const response = await page.request.get(`${host.app.url}/api/dots/flows/${id}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as ServerFlow;
}

describe('example host app, end to end', () => {
  let sessionCookie: string;

  it('onboarding → compliance → manage-payouts → payout, with callbacks, webhooks and server truth agreeing', async () => {
    const context = await host.browser.newContext();
    // Shorter than the test's timeout, so a stuck step fails with the locator it waited for.
    context.setDefaultTimeout(8_000);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(host.app.url);
    // A person sees no debug output; the developer view (live log, flow ids) is one switch away.
    await page.getByRole('heading', { level: 1, name: 'Get paid for your gigs' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Live log' }).count()).toBe(0);
    expect(await page.locator('[data-log]').count()).toBe(0);
    const devView = page.getByRole('switch', { name: 'Developer view' });
    expect(await devView.isChecked()).toBe(false);
    await devView.check();
    await page.getByRole('heading', { name: 'Live log' }).waitFor();

    // Sign-up: a host account, then Dots onboarding + compliance with a progress indicator.
    await page.getByRole('main').getByRole('link', { name: 'Sign up' }).click();
    await createAccount(page, 'Ada Lovelace', 'ada@example.com', 'analytical-engine');
    await page.getByRole('heading', { level: 1, name: 'Set up payouts' }).waitFor();
    const progress = page.getByRole('progressbar', { name: 'Flow progress' });
    await progress.waitFor();
    expect(await progress.getAttribute('aria-valuenow')).toBe('0');
    const signup = page.frameLocator('iframe[title="Sign-up with Dots: phone and tax details"]');
    await signup.getByRole('heading', { level: 1, name: 'Verify your phone' }).waitFor();
    await press(signup, 'Send code', 'Enter the code');
    await press(signup, 'Verify', 'Tax information');
    await expect.poll(() => progress.getAttribute('aria-valuenow')).toBe('50');
    await press(signup, 'Submit');

    // The app moves on only once the backend has stored the Dots user from a verified webhook.
    await page.waitForURL(`${host.app.url}/account`);
    const payouts = page.frameLocator('iframe[title="Dots payout methods"]');
    await press(payouts, 'Save');
    await page.getByRole('status').filter({ hasText: 'No changes to your payout method' }).waitFor();
    expect(await payouts.getByRole('button', { name: 'Continue' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Done', exact: true }).click();
    await page.waitForURL(`${host.app.url}/`);
    // A new Dots user's wallet is empty: a gig paid by the host is what the withdrawal takes out.
    await completeGig(page);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Withdraw' }).click();
    const withdraw = page.frameLocator('iframe[title="Withdraw with Dots"]');
    await withdraw.getByRole('heading', { level: 1, name: 'Withdraw funds' }).waitFor();
    await press(withdraw, 'Withdraw');
    await page.getByRole('status').filter({ hasText: 'Withdrawal requested' }).waitFor();

    // 1. The callbacks arrived in order, one flow per page.
    const heard = await callbacks(page);
    const [signupFlow, payoutsFlow, withdrawFlow] = [heard[0]?.flowId, heard[3]?.flowId, heard[4]?.flowId];
    expect(new Set([signupFlow, payoutsFlow, withdrawFlow]).size).toBe(3);
    expect(heard).toEqual([
      { callback: 'onStepComplete', step: 'onboarding', status: 'completed', flowId: signupFlow },
      { callback: 'onStepComplete', step: 'compliance', status: 'completed', flowId: signupFlow },
      { callback: 'onComplete', flowId: signupFlow },
      { callback: 'onStepComplete', step: 'manage-payouts', status: 'completed-saved', flowId: payoutsFlow },
      { callback: 'onStepComplete', step: 'payout', status: 'completed', flowId: withdrawFlow },
      { callback: 'onComplete', flowId: withdrawFlow },
    ]);

    // 2. The backend verified one signed webhook per completed step, and streamed each to the page.
    const me = (await (await page.request.get(`${host.app.url}/api/me`)).json()) as { user: { id: string } };
    const flowWebhooks = () =>
      host.app.webhookLog.forUser(me.user.id).filter((hook): hook is FlowWebhookEntry => hook.kind === 'flow');
    await expect.poll(() => flowWebhooks().length).toBe(4);
    const webhooks = flowWebhooks();
    expect(new Set(webhooks.map((hook) => hook.webhookId)).size).toBe(4);
    expect(webhooks.every((hook) => hook.event === 'flow.updated')).toBe(true);
    const perFlow = (id: string | undefined) => webhooks.filter((hook) => hook.flowId === id);
    expect([perFlow(signupFlow).length, perFlow(payoutsFlow).length, perFlow(withdrawFlow).length]).toEqual([2, 1, 1]);
    await expect.poll(() => page.locator('[data-log="webhooks"] > li[data-flow-id]').count()).toBe(4);

    // 3. Its GET of each flow shows the same completed steps as the callbacks.
    const [first, second, third] = await Promise.all(
      [signupFlow, payoutsFlow, withdrawFlow].map((id) => serverFlow(page, id!)),
    );
    // Dots lists only the requested steps: onboarding shows in the page's messages, never in the flow.
    expect(first!.steps).toEqual(['compliance']);
    expect(first!.completed_steps).toEqual(['compliance']);
    expect(second!.completed_steps).toEqual(['manage-payouts']);
    expect(third!.completed_steps).toEqual(['payout']);
    expect(perFlow(signupFlow).at(-1)?.completedSteps).toEqual(first!.completed_steps);

    // 4. The Dots user created at onboarding was stored, and the next flows were created with it.
    const dotsUserId = first!.user_id;
    expect(dotsUserId).toMatch(UUID);
    const stored = JSON.parse(await readFile(host.dataFile, 'utf8')) as {
      users: { id: string; dotsUserId: string | null }[];
    };
    expect(stored.users.find((user) => user.id === me.user.id)?.dotsUserId).toBe(dotsUserId);
    // Created for that user, so no onboarding: only the one requested step, and no onboarding callback above.
    expect([second!.steps, third!.steps]).toEqual([['manage-payouts'], ['payout']]);
    for (const flow of [second!, third!]) {
      expect(flow.user_id).toBe(dotsUserId);
      expect(flow.metadata?.['host_user_id']).toBe(me.user.id);
    }

    sessionCookie = (await context.cookies(host.app.url)).map((c) => `${c.name}=${c.value}`).join('; ');
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 30_000);

  it('a returning user, after a restart on the same store, gets flows for the stored Dots user', async () => {
    expect(sessionCookie).toContain('host_session=');
    await host.restart();

    const me = await fetch(`${host.app.url}/api/me`, { headers: { cookie: sessionCookie } });
    const { user } = (await me.json()) as { user: { dotsUserId: string } };
    expect(user.dotsUserId).toMatch(UUID);
    const created = await fetch(`${host.app.url}/api/dots/flows`, {
      method: 'POST',
      headers: { cookie: sessionCookie, 'content-type': 'application/json' },
      body: JSON.stringify({ steps: ['payout'] }),
    });
    expect(created.status).toBe(201);
    const flow = (await created.json()) as ServerFlow;
    expect(flow.user_id).toBe(user.dotsUserId);
    expect(flow.steps).toEqual(['payout']);
  }, 20_000);

  it('an unfinished sign-up resumes after a reload, results read as a person would, and sign-in follows sign-out', async () => {
    const context = await host.browser.newContext();
    context.setDefaultTimeout(8_000);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const SIGNUP = 'Sign-up with Dots: phone and tax details';
    const signup = page.frameLocator(`iframe[title="${SIGNUP}"]`);

    // Signed out: sign in and sign up, nothing else.
    await page.goto(host.app.url);
    await page.getByRole('heading', { level: 1, name: 'Get paid for your gigs' }).waitFor();
    expect(await navLinks(page)).toEqual([]);
    await page.getByRole('banner').getByRole('link', { name: 'Sign up' }).click();
    await createAccount(page, 'Grace Hopper', 'grace@example.com', 'cobol-1959');
    await signup.getByRole('heading', { level: 1, name: 'Verify your phone' }).waitFor();
    expect(await navLinks(page)).toEqual(['Finish sign-up']);
    await press(signup, 'Send code', 'Enter the code');
    await press(signup, 'Verify', 'Tax information');
    const firstFlow = await frameFlowId(page, SIGNUP);

    // The backend stored the Dots user from the verified webhook, and still does not call that signed up.
    await expect.poll(async () => (await me(page)).dotsUserId, { timeout: 8_000 }).not.toBeNull();
    const grace = await me(page);
    expect(grace.payoutsReady).toBe(false);

    // Leave while the tax form shows: payout pages are not offered, and a typed URL sends the user back.
    await page.reload();
    await page.getByText('Welcome back. Your phone is verified').waitFor();
    expect(await navLinks(page)).toEqual(['Finish sign-up']);
    await page.goto(`${host.app.url}/withdraw`);
    await page.getByText('Finish setting up payouts first').waitFor();
    expect(await page.locator('iframe').count()).toBe(0);
    await page.getByRole('main').getByRole('link', { name: 'continue sign-up' }).click();

    // Resumed: a new flow for the same Dots user, the tax step only: no second phone verification.
    await signup.getByRole('heading', { level: 1, name: 'Tax information' }).waitFor();
    const resumedFlow = await frameFlowId(page, SIGNUP);
    expect(resumedFlow).not.toBe(firstFlow);
    const resumed = await serverFlow(page, resumedFlow);
    expect(resumed.user_id).toBe(grace.dotsUserId);
    expect(resumed.steps).toEqual(['compliance']);
    // One step: the frame says where the user is; no second indicator on the page.
    expect(await page.getByRole('progressbar').count()).toBe(0);
    await press(signup, 'Submit');
    await page.waitForURL(`${host.app.url}/account`);
    expect(await me(page)).toMatchObject({ dotsUserId: grace.dotsUserId, payoutsReady: true });
    expect((await serverFlow(page, resumedFlow)).completed_steps).toContain('compliance');
    expect(await navLinks(page)).toEqual(['Payout settings', 'Withdraw']);

    // A withdrawal, told in human terms: no flow ids, Dots user ids, step names or logs by default.
    // First a gig paid by the host: a new Dots user's wallet is empty.
    await page.goto(host.app.url);
    await completeGig(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Withdraw' }).click();
    const withdraw = page.frameLocator('iframe[title="Withdraw with Dots"]');
    await withdraw.getByRole('heading', { level: 1, name: 'Withdraw funds' }).waitFor();
    const withdrawFlow = await frameFlowId(page, 'Withdraw with Dots');
    await press(withdraw, 'Withdraw');
    await page.getByRole('status').filter({ hasText: 'Withdrawal requested' }).waitFor();
    await page.getByText('Confirmed by Dots').waitFor();
    const text = await page.locator('body').innerText();
    for (const debug of [
      withdrawFlow,
      resumedFlow,
      grace.dotsUserId!,
      'onStepComplete',
      'Completed steps',
      'Live log',
    ]) {
      expect(text).not.toContain(debug);
    }
    expect(await page.locator('[data-log], [data-flow-id]').count()).toBe(0);

    // Sign out, then back in: a wrong password is refused with a message, the right one restores the account.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Get paid for your gigs' }).waitFor();
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Email').fill('GRACE@example.com');
    await page.getByLabel('Password').fill('cobol-1960');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'do not match' }).waitFor();
    await page.getByLabel('Password').fill('cobol-1959');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hello, Grace Hopper' }).waitFor();
    await page.getByText('Your payouts are set up.').waitFor();
    expect(await navLinks(page)).toEqual(['Payout settings', 'Withdraw']);
    expect((await me(page)).id).toBe(grace.id);

    expect(pageErrors).toEqual([]);
    await context.close();
  }, 40_000);
});
