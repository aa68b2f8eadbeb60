// The Next.js example, built for production and driven in real Chromium against the local sandbox: a user signs
// in, onboards (phone + compliance) in a client page, Dots' verified webhook links their Dots user, and a Server
// Component page renders the widgets for the next flow. A second user signing in on the same tab never gets
// the first user's flow (DotsProvider's userKey).
import { chromium, type Browser, type BrowserContext, type FrameLocator, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signTestWebhook } from '@dots-flow/server';
import { APP_DIR, nextBuild, startNextApp, type RunningNextApp } from './nextApp.js';

interface ServerFlow {
  id: string;
  user_id: string | null;
  steps: string[];
  completed_steps: string[];
}

let app: RunningNextApp;
let browser: Browser;

beforeAll(async () => {
  const build = await nextBuild(APP_DIR);
  expect(build.output).toContain('Compiled successfully');
  expect(build.ok, build.output).toBe(true);
  console.info(`next build of examples/next-app: ${(build.ms / 1000).toFixed(1)} s`);
  [app, browser] = await Promise.all([
    startNextApp(),
    chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium' }),
  ]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function press(frame: FrameLocator, button: string, nextHeading?: string) {
  await frame.getByRole('button', { name: button, exact: true }).click();
  if (nextHeading) await frame.getByRole('heading', { level: 1, name: nextHeading }).waitFor();
}

async function signIn(page: Page, name: string) {
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${app.url}/onboarding`);
}

/** The id in the framed flow link `…/flow/<id>`. */
async function framedFlowId(page: Page, title: string): Promise<string> {
  const src = await page.locator(`iframe[title="${title}"]`).getAttribute('src');
  const id = /\/flow\/([^/?#]+)/.exec(src ?? '')?.[1];
  expect(id, `iframe src ${src}`).toBeTruthy();
  return id!;
}

async function readFlow(context: BrowserContext, id: string) {
  // context.request shares the page's cookies: the signed-in user asking their own backend.
  const response = await context.request.get(`${app.url}/api/dots/flows/${id}`);
  return { status: response.status(), flow: response.ok() ? ((await response.json()) as ServerFlow) : null };
}

describe('examples/next-app (next build + next start), end to end', () => {
  it('onboarding → compliance → completion in a client page, then the widgets from a Server Component', async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (
        (message.type() === 'error' || message.type() === 'warning') &&
        !message.text().startsWith('Failed to load resource')
      )
        problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(app.url);

    // Ada signs in and sees her onboarding flow, then signs out without finishing it: the provider stays mounted.
    await signIn(page, 'Ada');
    await page
      .frameLocator('iframe[title="Dots onboarding"]')
      .getByRole('heading', { name: 'Verify your phone' })
      .waitFor();
    const adasFlow = await framedFlowId(page, 'Dots onboarding');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${app.url}/`);

    // Grace signs in on the same tab: a new flow, created for her.
    await signIn(page, 'Grace');
    const signup = page.frameLocator('iframe[title="Dots onboarding"]');
    await signup.getByRole('heading', { name: 'Verify your phone' }).waitFor();
    const gracesFlow = await framedFlowId(page, 'Dots onboarding');
    expect(gracesFlow).not.toBe(adasFlow);
    expect(await readFlow(context, adasFlow)).toEqual({ status: 404, flow: null });

    const progress = page.getByRole('progressbar', { name: 'Flow progress' });
    expect(await progress.getAttribute('aria-valuenow')).toBe('0');
    await press(signup, 'Send code', 'Enter the code');
    await press(signup, 'Verify', 'Tax information');
    await expect.poll(() => progress.getAttribute('aria-valuenow')).toBe('50');
    const callbacks = page.locator('[data-log="callbacks"] > li');
    await expect
      .poll(() =>
        callbacks.evaluateAll((items) => items.map((li) => `${(li as HTMLElement).dataset.flowId} ${li.textContent}`)),
      )
      .toEqual([`${gracesFlow} onboarding completed`]);
    await press(signup, 'Submit');

    // onComplete navigates; the Server Component page waits for the verified webhook to link the Dots user.
    await page.waitForURL(`${app.url}/account`);
    const linked = page.locator('[data-dots-user-id]');
    await linked.waitFor();
    const dotsUserId = await linked.getAttribute('data-dots-user-id');
    // Dots user ids are UUIDs (the sandbox follows Dots' contract).
    expect(dotsUserId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const signupTruth = await readFlow(context, gracesFlow);
    expect(signupTruth.status).toBe(200);
    expect(signupTruth.flow).toMatchObject({ user_id: dotsUserId, completed_steps: ['compliance'] });

    // A new Dots user's wallet is empty: the host pays them (an app → user transfer), then the page is
    // rendered again so its payout flow shows the money.
    await app.dots.transfers.create({ amount: -2500, user_id: dotsUserId! });
    await page.reload();

    // The widgets the Server Component rendered: a payout flow for the linked user, with its progress.
    const withdraw = page.frameLocator('iframe[title="Withdraw with Dots"]');
    await withdraw.getByRole('heading', { level: 1, name: 'Withdraw funds' }).waitFor();
    await withdraw.getByText('Available balance: $25.00.').waitFor();
    const payoutFlow = await framedFlowId(page, 'Withdraw with Dots');
    await press(withdraw, 'Withdraw');
    await expect
      .poll(() => page.getByRole('progressbar', { name: 'Flow progress' }).getAttribute('aria-valuenow'))
      .toBe('100');
    await expect.poll(async () => (await readFlow(context, payoutFlow)).flow?.completed_steps).toEqual(['payout']);
    expect((await readFlow(context, payoutFlow)).flow).toMatchObject({ user_id: dotsUserId, steps: ['payout'] });

    // Server rendering: the Server Component's widgets are in the HTML before any script runs.
    const html = await (await context.request.get(`${app.url}/account`)).text();
    expect(html).toContain('data-dots-flow');
    expect(html).toContain('Flow progress');

    expect(problems).toEqual([]);
    await context.close();
  }, 90_000);

  it('answers the flow route only for a signed-in user, and the webhook route only for signed deliveries', async () => {
    const anonymous = await fetch(`${app.url}/api/dots/flows`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ steps: ['compliance'] }),
    });
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('unauthorized');

    const forged = await signTestWebhook(
      { event: 'flow.updated', flow_id: crypto.randomUUID() },
      'whsec_' + 'A'.repeat(32),
    );
    const rejected = await fetch(`${app.url}/api/dots/webhooks`, {
      method: 'POST',
      headers: forged.headers,
      body: forged.body,
    });
    expect(rejected.status).toBeGreaterThanOrEqual(400);
    expect(rejected.status).toBeLessThan(500);

    const signed = await signTestWebhook({ event: 'payout_link.sent' }, app.webhookSecret);
    const accepted = await fetch(`${app.url}/api/dots/webhooks`, {
      method: 'POST',
      headers: signed.headers,
      body: signed.body,
    });
    expect(accepted.status).toBe(200);
  });
});
