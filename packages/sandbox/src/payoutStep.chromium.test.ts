// The `payout` step's money in real Chromium: a user's wallet holds only what the app transferred to it
// (as on Dots), and every refusal (the page's own check, the server's insufficient funds) shows on the form.
import { describe, expect, it } from 'vitest';
import { startSandbox } from './startSandbox.js';
import { staticFlowLink } from './staticFlowLink.js';
import { KNOWN_USER, createFlow, getFlow } from './test-support/http.js';
import { startStaticPageServer } from './test-support/hostServers.js';
import { completed, heading, openHost as openHostIn, press } from './test-support/flowPageDriver.js';
import { setUpFlowPageSuite } from './test-support/flowPageSuite.js';
import { fundUser, walletOf } from './test-support/moneyApi.js';

const suite = setUpFlowPageSuite();
const { cleanups } = suite;

const openHost = (link: string) => openHostIn(suite.browser, suite.host, link, cleanups);

/** The refusal on the form: an alert, with the amount field marked invalid and described by it. */
async function expectAmountRefused(frame: Awaited<ReturnType<typeof openHost>>['frame'], text: string | RegExp) {
  await frame.getByRole('alert').filter({ hasText: text }).waitFor();
  const amount = frame.getByLabel('Amount (USD)');
  expect(await amount.getAttribute('aria-invalid')).toBe('true');
  expect(await amount.getAttribute('aria-describedby')).toContain('form-error');
}

describe('payout step balance', () => {
  it('a user onboarded by the flow has $0.00 and cannot withdraw until the app transfers money', async () => {
    const { url } = suite.sandbox;
    const flow = await createFlow(url, { steps: ['payout'] });
    const { frame, stepMessages } = await openHost(flow.link);
    await press(frame, 'Send code', 'Enter the code');
    await press(frame, 'Verify', 'Withdraw funds');
    await frame.getByText('Available balance: $0.00.').waitFor();
    await press(frame, 'Withdraw');
    await expectAmountRefused(frame, 'Your balance is $0.00');
    expect(await stepMessages()).toEqual([completed('onboarding')]);

    const userId = (await getFlow(url, flow.id)).user_id as string;
    expect(await walletOf(url, userId)).toBe(0);
    await fundUser(url, userId, 2500);
    const funded = await openHost((await createFlow(url, { steps: ['payout'], user_id: userId })).link);
    await funded.frame.getByText('Available balance: $25.00.').waitFor();
    await press(funded.frame, 'Withdraw', 'All done');
    expect(await walletOf(url, userId)).toBe(0);
  }, 30_000);

  it("shows the server's transaction-insufficient-funds on the form and posts nothing", async () => {
    // The user holds $25.00, but the app wallet cannot pay the payout fee (payout_fee_party defaults to platform).
    const poor = await startSandbox({ port: 0, users: [KNOWN_USER], appBalance: 2500 });
    cleanups.push(poor.close);
    await fundUser(poor.url, KNOWN_USER, 2500);
    const flow = await createFlow(poor.url, { steps: ['payout'], user_id: KNOWN_USER });
    const { frame, stepMessages } = await openHost(flow.link);
    await heading(frame, 'Withdraw funds');
    await frame.getByText('Available balance: $25.00.').waitFor();
    await press(frame, 'Withdraw');
    await expectAmountRefused(frame, "The app's wallet holds 0 cents");
    expect(await stepMessages()).toEqual([]);
    expect(await walletOf(poor.url, KNOWN_USER)).toBe(2500);
    expect((await getFlow(poor.url, flow.id)).completed_steps).toEqual([]);
  }, 30_000);

  it('static mode starts the wallet empty unless the link says what the app paid', async () => {
    const pages = await startStaticPageServer();
    cleanups.push(pages.close);
    const empty = await openHost(staticFlowLink(pages.pageBaseUrl, { steps: ['payout'], user_id: 'user_static' }));
    await empty.frame.getByText('Available balance: $0.00.').waitFor();
    await press(empty.frame, 'Withdraw');
    await expectAmountRefused(empty.frame, 'Your balance is $0.00');
    expect(await empty.stepMessages()).toEqual([]);

    const paid = staticFlowLink(pages.pageBaseUrl, { steps: ['payout'], user_id: 'user_static', balance_cents: 2500 });
    const funded = await openHost(paid);
    await funded.frame.getByText('Available balance: $25.00.').waitFor();
    await press(funded.frame, 'Withdraw', 'All done');
    await expect.poll(funded.stepMessages).toEqual([completed('payout')]);
  }, 30_000);
});
