// The flow page in real Chromium, framed by a host on another origin: the exact messages the host
// receives, the signed webhooks a receiver gets, and static mode with no server behind the page.
import { describe, expect, it } from 'vitest';
import { SANDBOX_DEFAULTS } from './defaults.js';
import { startSandbox } from './startSandbox.js';
import { staticFlowLink } from './staticFlowLink.js';
import { KNOWN_USER, createFlow, getFlow, startWebhookReceiver } from './test-support/http.js';
import { startStaticPageServer } from './test-support/hostServers.js';
import { fundUser } from './test-support/moneyApi.js';
import {
  completed,
  expectDotsMessages,
  heading,
  isHeight,
  openHost as openHostIn,
  press,
} from './test-support/flowPageDriver.js';
import { setUpFlowPageSuite } from './test-support/flowPageSuite.js';
import type { Received } from './test-support/flowPageDriver.js';
import { isValidSvixSignature } from './test-support/verifySvix.js';

const suite = setUpFlowPageSuite();
const { cleanups } = suite;

const openHost = (link: string, setup?: Parameters<typeof openHostIn>[4]) =>
  openHostIn(suite.browser, suite.host, link, cleanups, setup);

describe('flow page (server mode)', () => {
  it('walks every step, posting exactly Dots messages, with one signed webhook per completion', async () => {
    const receiver = await startWebhookReceiver((index) => (index === 0 ? 500 : 204));
    const secret = SANDBOX_DEFAULTS.webhookSecret;
    const withHooks = await startSandbox({ port: 0, webhookUrl: receiver.url, webhookRetryDelaysMs: [50, 50] });
    cleanups.push(withHooks.close, receiver.close);
    const steps = ['compliance', 'id-verification', 'background-check', 'manage-payouts', 'manage-payments', 'payout'];
    const flow = await createFlow(withHooks.url, {
      steps: [...steps, { name: 'pdf-form-fill', template_id: 'tmpl_w9' }],
    });
    const { frame, messages, stepMessages } = await openHost(flow.link);

    // The onboarding screen comes first (and counts in the progress) although `steps` never lists it.
    await heading(frame, 'Verify your phone');
    expect(await frame.getByText('Step 1 of 8').count()).toBe(1);
    await press(frame, 'Send code', 'Enter the code');
    await press(frame, 'Verify', 'Tax information');
    // A new user's wallet is empty, as on Dots: the app pays the $25.00 the payout step withdraws.
    const onboarded = await getFlow(withHooks.url, flow.id);
    await fundUser(withHooks.url, onboarded.user_id ?? '', 2500);
    await press(frame, 'Submit', 'Verify your identity');
    await press(frame, 'Verify', 'Background check');
    await press(frame, 'I agree', 'Payout methods');
    await press(frame, 'Save');
    await frame.getByRole('status').filter({ hasText: 'unchanged' }).waitFor();
    await press(frame, 'Continue', 'Bank account');
    await press(frame, 'Save', 'Withdraw funds');
    await press(frame, 'Withdraw', 'Sign a document');
    expect(await frame.getByText('Step 8 of 8').count()).toBe(1);
    await press(frame, 'Sign', 'All done');
    await frame.getByRole('link', { name: 'Go to dashboard' }).waitFor();

    const expected = [
      completed('onboarding'),
      ...steps.map((step) => completed(step, step === 'manage-payouts' ? 'completed-saved' : 'completed')),
      completed('pdf-form-fill'),
    ];
    await expect.poll(stepMessages).toEqual(expected);
    expectDotsMessages(await messages(), new URL(withHooks.url).origin);

    const done = await getFlow(withHooks.url, flow.id);
    expect(done.completed_steps).toEqual([...steps, 'pdf-form-fill']);
    expect(done.user_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    // The receiver failed the first delivery: it came again under the same id, then one per step.
    // The app's transfer to the user sends `transfer.completed`; the payout step records a payout:
    // `transfer.updated` and `transfer.completed` for it.
    // Signed like them, `user.updated.id_verified` and `user.updated.background_check` (see userUpdatedEvents.test.ts).
    const isFlowHook = (hook: { body: string }) => hook.body.includes('"flow.updated"');
    const flowHooks = () => receiver.received.filter(isFlowHook);
    await expect.poll(() => flowHooks().filter((hook) => hook.status === 204).length).toBe(expected.length);
    const [first, ...later] = receiver.received;
    expect(first?.status).toBe(500);
    // The funding transfer's webhook may land before the retry: find the retry by its id.
    expect(later.find((hook) => hook.headers['svix-id'] === first?.headers['svix-id'])?.status).toBe(204);
    expect(new Set(flowHooks().map((hook) => hook.headers['svix-id'])).size).toBe(expected.length);
    for (const hook of flowHooks()) {
      expect(JSON.parse(hook.body)).toEqual({ event: 'flow.updated', flow_id: flow.id });
    }
    // Identity verified and a background check done: one `{ event, user_id }` each (the unchanged save sends none).
    const userBodies = ['user.updated.background_check', 'user.updated.id_verified'].map((event) =>
      JSON.stringify({ event, user_id: done.user_id }),
    );
    const isUserHook = (hook: { body: string }) => userBodies.includes(hook.body);
    await expect.poll(() => receiver.received.filter(isUserHook).length).toBe(2);
    expect(
      receiver.received
        .filter(isUserHook)
        .map((hook) => hook.body)
        .sort(),
    ).toEqual(userBodies);
    const isMoneyHook = (hook: { body: string }) => !isFlowHook(hook) && !isUserHook(hook);
    await expect.poll(() => receiver.received.filter(isMoneyHook).length).toBe(3);
    const [funded, updated, completedHook] = receiver.received.filter(isMoneyHook).map((h) => JSON.parse(h.body));
    expect(funded.transfer).toMatchObject({ type: 'balance', amount: -2500, user_id: done.user_id });
    expect(updated).toEqual({ event: 'transfer.updated', transfer_id: completedHook.transfer_id });
    expect(completedHook.transfer).toMatchObject({ type: 'payout', amount: 2500, user_id: done.user_id });
    for (const hook of receiver.received) expect(isValidSvixSignature(hook.headers, hook.body, secret)).toBe(true);
  }, 30_000);

  it('shows errors for invalid input and posts nothing for them', async () => {
    const flow = await createFlow(suite.sandbox.url, { steps: ['compliance'] });
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
    expect((await getFlow(suite.sandbox.url, flow.id)).user_id).toBeNull();

    await frame.getByLabel('Verification code').fill('123456');
    await press(frame, 'Verify', 'Tax information');
    await frame.getByLabel('TIN (SSN or EIN)').fill('');
    await press(frame, 'Submit');
    await frame.getByRole('alert').filter({ hasText: 'TIN' }).waitFor();

    expect(await stepMessages()).toEqual([completed('onboarding')]);
    expect((await getFlow(suite.sandbox.url, flow.id)).completed_steps).toEqual([]);
    expect((await getFlow(suite.sandbox.url, flow.id)).user_id).not.toBeNull();
    expectDotsMessages(await messages(), new URL(suite.sandbox.url).origin);
  }, 20_000);

  it('keeps the user on a hide_continue_button step: each save posts, completed vs completed-saved', async () => {
    const flow = await createFlow(suite.sandbox.url, {
      steps: [{ name: 'manage-payouts', hide_continue_button: true }, 'payout'],
      user_id: KNOWN_USER,
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

  it('after 15 minutes asks for an SMS code instead of dying, posts nothing for it, then goes on', async () => {
    let clock = Date.now();
    const timed = await startSandbox({ port: 0, users: [KNOWN_USER], now: () => clock });
    cleanups.push(timed.close);
    const flow = await createFlow(timed.url, { steps: ['compliance', 'payout'], user_id: KNOWN_USER });
    await fundUser(timed.url, KNOWN_USER, 2500);
    const { page, frame, stepMessages } = await openHost(flow.link);

    await press(frame, 'Submit', 'Withdraw funds');
    clock += SANDBOX_DEFAULTS.flowTtlMs;
    // The window passed while the user was on the page: the next submit asks for the code.
    await press(frame, 'Withdraw', 'Verify it’s you');
    await frame.getByLabel('Verification code').fill('111111');
    await press(frame, 'Verify');
    await frame.getByRole('alert').filter({ hasText: 'not valid' }).waitFor();
    await frame.getByLabel('Verification code').fill('123456');
    await press(frame, 'Verify', 'Withdraw funds');
    await press(frame, 'Withdraw', 'All done');
    await page.waitForTimeout(100);
    expect(await stepMessages()).toEqual([completed('compliance'), completed('payout')]);

    // Opening the link again later starts at the code screen, and the link still works.
    clock += SANDBOX_DEFAULTS.flowTtlMs;
    const again = await createFlow(timed.url, { steps: ['payout'], user_id: KNOWN_USER });
    clock += SANDBOX_DEFAULTS.flowTtlMs;
    const reopened = await openHost(again.link);
    await heading(reopened.frame, 'Verify it’s you');
    expect(await reopened.frame.getByText('123456', { exact: false }).count()).toBeGreaterThan(0);
    await press(reopened.frame, 'Verify', 'Withdraw funds');
  }, 30_000);

  it('asks for the code from the start with require_auth', async () => {
    const flow = await createFlow(suite.sandbox.url, {
      steps: ['compliance'],
      user_id: KNOWN_USER,
      require_auth: true,
    });
    const { frame, stepMessages } = await openHost(flow.link);
    await heading(frame, 'Verify it’s you');
    expect(await frame.getByText(/Step \d/).count()).toBe(0);
    await press(frame, 'Verify', 'Tax information');
    await press(frame, 'Submit', 'All done');
    await expect.poll(stepMessages).toEqual([completed('compliance')]);
  }, 20_000);

  it('redirect: posts its completion, then takes the whole window to redirect_url', async () => {
    // Dots' redirect_url pattern wants a dotted host: the host page's server is also on 127.0.0.1.
    const landed = `${suite.host.url.replace('localhost', '127.0.0.1')}/landed`;
    const flow = await createFlow(suite.sandbox.url, {
      steps: [{ name: 'redirect', redirect_url: landed }],
      user_id: KNOWN_USER,
    });
    const recorded: Received[] = [];
    const { page, frame } = await openHost(flow.link, (p) =>
      p.exposeFunction('__record', (message: Received) => void recorded.push(message)),
    );
    await press(frame, 'Continue');
    await page.waitForURL(landed);
    expect(recorded.map((m) => m.data).filter((d) => !isHeight(d))).toEqual([completed('redirect')]);
  }, 20_000);
});

describe('flow page (static mode)', () => {
  it('runs from its URL with no server calls: same UI, same messages', async () => {
    const pages = await startStaticPageServer();
    cleanups.push(pages.close);
    // No server to transfer through: the link says what the app paid the user.
    const link = staticFlowLink(pages.pageBaseUrl, { steps: ['compliance', 'payout'], balance_cents: 2500 });
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
