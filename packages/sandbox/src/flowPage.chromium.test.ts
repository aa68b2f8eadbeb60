// The flow page in real Chromium, framed by a host on another origin: the exact messages the host
// receives, the signed webhooks a receiver gets, and static mode with no server behind the page.
import { chromium } from 'playwright';
import type { Browser, FrameLocator, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_DEFAULTS } from './defaults.js';
import { startSandbox } from './startSandbox.js';
import type { Sandbox } from './startSandbox.js';
import { staticFlowLink } from './staticFlowLink.js';
import { createFlow, getFlow, startWebhookReceiver } from './test-support/http.js';
import { startHostServer, startStaticPageServer } from './test-support/hostServers.js';
import { isValidSvixSignature } from './test-support/verifySvix.js';

interface Received {
  origin: string;
  data: unknown;
}

let browser: Browser;
let sandbox: Sandbox;
let host: Awaited<ReturnType<typeof startHostServer>>;
const cleanups: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium' });
  host = await startHostServer();
  sandbox = await startSandbox({ port: 0, users: ['user_seeded'] });
  cleanups.push(() => browser.close(), host.close, sandbox.close);
}, 30_000);
afterAll(() => Promise.all(cleanups.map((cleanup) => cleanup())));

async function openHost(link: string, setup?: (page: Page) => Promise<unknown>) {
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

const isHeight = (data: unknown) => typeof data === 'object' && data !== null && Object.keys(data).join() === 'height';

/** Height first, then only Dots' documented shapes, all from `origin`, each height a new positive integer. */
function expectDotsMessages(messages: Received[], origin: string) {
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

async function press(frame: FrameLocator, button: string, nextHeading?: string) {
  await frame.getByRole('button', { name: button, exact: true }).click();
  if (nextHeading) await frame.getByRole('heading', { level: 1, name: nextHeading }).waitFor();
}

const completed = (step: string, status = 'completed') => ({ step, status });

describe('flow page (server mode)', () => {
  it('walks every step, posting exactly Dots messages, with one signed webhook per completion', async () => {
    const receiver = await startWebhookReceiver((index) => (index === 0 ? 500 : 204));
    const secret = SANDBOX_DEFAULTS.webhookSecret;
    const withHooks = await startSandbox({ port: 0, webhookUrl: receiver.url, webhookRetryDelaysMs: [50, 50] });
    cleanups.push(withHooks.close, receiver.close);
    const steps = ['compliance', 'id-verification', 'background-check', 'manage-payouts', 'manage-payments', 'payout'];
    const flow = await createFlow(withHooks.url, { steps });
    const { frame, messages, stepMessages } = await openHost(flow.link);

    await frame.getByRole('heading', { level: 1, name: 'Verify your phone' }).waitFor();
    await press(frame, 'Send code', 'Enter the code');
    await press(frame, 'Verify', 'Tax information');
    await press(frame, 'Submit', 'Verify your identity');
    await press(frame, 'Verify', 'Background check');
    await press(frame, 'I agree', 'Payout methods');
    await press(frame, 'Save');
    await frame.getByRole('status').filter({ hasText: 'unchanged' }).waitFor();
    await press(frame, 'Continue', 'Bank account');
    await press(frame, 'Save', 'Withdraw funds');
    await press(frame, 'Withdraw', 'All done');
    await frame.getByRole('link', { name: 'Go to dashboard' }).waitFor();

    const expected = [
      completed('onboarding'),
      ...steps.map((step) => completed(step, step === 'manage-payouts' ? 'completed-saved' : 'completed')),
    ];
    await expect.poll(stepMessages).toEqual(expected);
    expectDotsMessages(await messages(), new URL(withHooks.url).origin);

    const done = await getFlow(withHooks.url, flow.id);
    expect(done.completed_steps).toEqual(['onboarding', ...steps]);
    expect(done.user_id).toMatch(/^user_/);

    // The receiver failed the first delivery: it came again under the same id, then one per step.
    await expect.poll(() => receiver.received.filter((hook) => hook.status === 204).length).toBe(expected.length);
    const [first, second] = receiver.received;
    expect(first?.status).toBe(500);
    expect(second?.headers['svix-id']).toBe(first?.headers['svix-id']);
    expect(new Set(receiver.received.map((hook) => hook.headers['svix-id'])).size).toBe(expected.length);
    for (const hook of receiver.received) {
      expect(JSON.parse(hook.body)).toEqual({ event: 'flow.updated', flow_id: flow.id });
      expect(isValidSvixSignature(hook.headers, hook.body, secret)).toBe(true);
    }
  }, 30_000);

  it('shows errors for invalid input and posts nothing for them', async () => {
    const flow = await createFlow(sandbox.url, { steps: ['compliance'] });
    const { frame, messages, stepMessages } = await openHost(flow.link);

    await frame.getByLabel('Phone number').fill('12');
    await press(frame, 'Send code');
    await frame.getByRole('alert').filter({ hasText: 'phone number' }).waitFor();
    expect(await frame.getByLabel('Phone number').getAttribute('aria-invalid')).toBe('true');

    await frame.getByLabel('Phone number').fill('+1 (415) 555-0100');
    await press(frame, 'Send code', 'Enter the code');
    await frame.getByLabel('Verification code').fill('000000');
    await press(frame, 'Verify');
    await frame.getByRole('alert').filter({ hasText: 'not valid' }).waitFor();
    expect(await stepMessages()).toEqual([]);
    expect((await getFlow(sandbox.url, flow.id)).user_id).toBeNull();

    await frame.getByLabel('Verification code').fill('123456');
    await press(frame, 'Verify', 'Tax information');
    await frame.getByLabel('TIN (SSN or EIN)').fill('');
    await press(frame, 'Submit');
    await frame.getByRole('alert').filter({ hasText: 'TIN' }).waitFor();

    expect(await stepMessages()).toEqual([completed('onboarding')]);
    expect((await getFlow(sandbox.url, flow.id)).completed_steps).toEqual(['onboarding']);
    expectDotsMessages(await messages(), new URL(sandbox.url).origin);
  }, 20_000);

  it('keeps the user on a hide_continue_button step: each save posts, completed vs completed-saved', async () => {
    const flow = await createFlow(sandbox.url, {
      steps: [{ name: 'manage-payouts', hide_continue_button: true }, 'payout'],
      user_id: 'user_seeded',
    });
    const { frame, stepMessages } = await openHost(flow.link);

    await frame.getByRole('heading', { level: 1, name: 'Payout methods' }).waitFor();
    await press(frame, 'Save');
    await frame.getByRole('status').filter({ hasText: 'unchanged' }).waitFor();
    await frame.getByRole('radio', { name: /PayPal/ }).check();
    await press(frame, 'Save');
    await frame.getByRole('status').filter({ hasText: 'PayPal' }).waitFor();
    await press(frame, 'Save');
    await frame.getByRole('status').filter({ hasText: 'unchanged' }).waitFor();

    await expect
      .poll(stepMessages)
      .toEqual([
        completed('manage-payouts', 'completed-saved'),
        completed('manage-payouts'),
        completed('manage-payouts', 'completed-saved'),
      ]);
    expect(await frame.getByRole('heading', { level: 1 }).textContent()).toBe('Payout methods');
    expect(await frame.getByRole('button', { name: 'Continue' }).count()).toBe(0);
  }, 20_000);

  it('says an expired link has expired and posts nothing at all', async () => {
    let clock = Date.now();
    const timed = await startSandbox({ port: 0, users: ['user_seeded'], now: () => clock });
    cleanups.push(timed.close);
    const flow = await createFlow(timed.url, { steps: ['payout'], user_id: 'user_seeded' });
    clock += SANDBOX_DEFAULTS.flowTtlMs;
    const { page, frame, messages } = await openHost(flow.link);

    await frame.getByRole('heading', { level: 1, name: 'This link has expired' }).waitFor();
    // Let any message the page might still post reach the host before looking.
    await page.waitForTimeout(200);
    expect(await messages()).toEqual([]);
    expect(await frame.getByRole('button').count()).toBe(0);
    expect(await frame.locator('body').innerText()).not.toContain('null');
  }, 20_000);

  it('redirect: posts its completion, then takes the whole window to redirect_url', async () => {
    const flow = await createFlow(sandbox.url, {
      steps: [{ name: 'redirect', redirect_url: `${host.url}/landed` }],
      user_id: 'user_seeded',
    });
    const recorded: Received[] = [];
    const { page, frame } = await openHost(flow.link, (p) =>
      p.exposeFunction('__record', (message: Received) => void recorded.push(message)),
    );
    await press(frame, 'Continue');
    await page.waitForURL(`${host.url}/landed`);
    expect(recorded.map((m) => m.data).filter((d) => !isHeight(d))).toEqual([completed('redirect')]);
  }, 20_000);
});

describe('flow page (static mode)', () => {
  it('runs from its URL with no server calls: same UI, same messages', async () => {
    const pages = await startStaticPageServer();
    cleanups.push(pages.close);
    const link = staticFlowLink(pages.pageBaseUrl, { steps: ['compliance', 'payout'] });
    const { frame, messages, stepMessages } = await openHost(link);

    await frame.getByRole('heading', { level: 1, name: 'Verify your phone' }).waitFor();
    await press(frame, 'Send code', 'Enter the code');
    await press(frame, 'Verify', 'Tax information');
    await press(frame, 'Submit', 'Withdraw funds');
    await frame.getByLabel('Amount (USD)').fill('0');
    await press(frame, 'Withdraw');
    await frame.getByRole('alert').filter({ hasText: '$0.00' }).waitFor();
    await frame.getByLabel('Amount (USD)').fill('25');
    await press(frame, 'Withdraw', 'All done');

    await expect.poll(stepMessages).toEqual([completed('onboarding'), completed('compliance'), completed('payout')]);
    expectDotsMessages(await messages(), new URL(pages.pageBaseUrl).origin);
    expect(pages.requests.every((request) => /^GET \/pages\/[a-zA-Z]+\.(html|js|css)$/.test(request))).toBe(true);
  }, 20_000);

  it('refuses a broken configuration and posts nothing', async () => {
    const pages = await startStaticPageServer();
    cleanups.push(pages.close);
    const link = staticFlowLink(pages.pageBaseUrl, {
      steps: [{ name: 'redirect', redirect_url: 'javascript:alert(1)' }],
    });
    const { page, frame, messages } = await openHost(link);
    await frame.getByRole('heading', { level: 1, name: 'This flow link is not valid' }).waitFor();
    await page.waitForTimeout(200);
    expect(await messages()).toEqual([]);
  }, 20_000);
});
