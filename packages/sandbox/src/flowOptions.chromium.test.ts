// Every step option has a visible behaviour on the flow page, in real Chromium.
import { describe, expect, it } from 'vitest';
import { startSandbox } from './startSandbox.js';
import { KNOWN_USER, createFlow, getFlow } from './test-support/http.js';
import { completed, heading, openHost as openHostIn, press } from './test-support/flowPageDriver.js';
import { setUpFlowPageSuite } from './test-support/flowPageSuite.js';

const suite = setUpFlowPageSuite();
const { cleanups } = suite;

/** A flow for a user who has no default payout method and auto payout off (a fresh sandbox user). */
async function openFlow(body: object) {
  const fresh = await startSandbox({ port: 0, users: [KNOWN_USER] });
  cleanups.push(fresh.close);
  const flow = await createFlow(fresh.url, { user_id: KNOWN_USER, ...body });
  return { flow, url: fresh.url, ...(await openHostIn(suite.browser, suite.host, flow.link, cleanups)) };
}

describe('manage-payouts options', () => {
  it('require_default_payout_method: Save stays disabled, saying why, until a default is chosen', async () => {
    const { frame, stepMessages } = await openFlow({
      steps: [{ name: 'manage-payouts', require_default_payout_method: true }],
    });
    await heading(frame, 'Payout methods');
    const save = frame.getByRole('button', { name: 'Save' });
    expect(await save.isDisabled()).toBe(true);
    await frame.getByText('Choose a default payout method to continue.').waitFor();
    await frame.getByRole('radio', { name: /Venmo/ }).check();
    await expect.poll(() => save.isEnabled()).toBe(true);
    await press(frame, 'Save');
    await frame.getByRole('status').filter({ hasText: 'Venmo' }).waitFor();
    expect(await stepMessages()).toEqual([completed('manage-payouts')]);
  }, 20_000);

  it('require_auto_payout_method: Save stays disabled until auto payout is on', async () => {
    const { frame, stepMessages } = await openFlow({
      steps: [{ name: 'manage-payouts', require_auto_payout_method: true }],
    });
    await heading(frame, 'Payout methods');
    const save = frame.getByRole('button', { name: 'Save' });
    expect(await save.isDisabled()).toBe(true);
    await frame.getByText('Turn on automatic payouts to continue.').waitFor();
    await frame.getByRole('checkbox', { name: /automatically/ }).check();
    await expect.poll(() => save.isEnabled()).toBe(true);
    await press(frame, 'Save');
    await frame.getByRole('status').waitFor();
    expect(await stepMessages()).toEqual([completed('manage-payouts')]);
  }, 20_000);

  it('auto_payout_enabled: false hides the auto-payout setting (and the requirement with it)', async () => {
    const { frame } = await openFlow({
      steps: [
        { name: 'manage-payouts', auto_payout_enabled: false, require_auto_payout_method: true },
        { name: 'payout', auto_payout_enabled: false },
      ],
    });
    await heading(frame, 'Payout methods');
    expect(await frame.getByRole('checkbox').count()).toBe(0);
    await press(frame, 'Save');
    await press(frame, 'Continue', 'Withdraw funds');
    expect(await frame.getByRole('checkbox').count()).toBe(0);
  }, 20_000);

  it('shows the auto-payout setting by default, on payout too, and marks the default method', async () => {
    const { frame } = await openFlow({ steps: ['manage-payouts', 'payout'] });
    await heading(frame, 'Payout methods');
    expect(await frame.getByText('Default', { exact: true }).count()).toBe(0);
    await frame.getByRole('radio', { name: /PayPal/ }).check();
    await frame.getByRole('checkbox', { name: /automatically/ }).check();
    await press(frame, 'Save');
    await frame.getByText('Default', { exact: true }).waitFor();
    await press(frame, 'Continue', 'Withdraw funds');
    expect(await frame.getByRole('checkbox', { name: /automatically/ }).isChecked()).toBe(true);
  }, 20_000);
});

describe('payout_fee_party', () => {
  it.each([
    ['user', /paid by you/],
    ['platform', /paid by the platform/],
    [undefined, /follows the app's settings/],
  ])(
    '%s: the payout step says who pays the fee',
    async (party, text) => {
      const step = party === undefined ? 'payout' : { name: 'payout', payout_fee_party: party };
      const { frame } = await openFlow({ steps: [step] });
      await heading(frame, 'Withdraw funds');
      expect(await frame.getByText(text).count()).toBe(1);
    },
    20_000,
  );
});

describe('pdf-form-fill and the end of the flow', () => {
  it('shows the document of the template id to sign; hide_go_to_dashboard_on_complete hides the link', async () => {
    const { flow, url, frame, stepMessages } = await openFlow({
      steps: [{ name: 'pdf-form-fill', template_id: 'tmpl_1099_nec' }],
      hide_go_to_dashboard_on_complete: true,
    });
    await heading(frame, 'Sign a document');
    await frame.getByRole('figure', { name: 'Document to sign' }).getByText('Template tmpl_1099_nec').waitFor();
    await frame.getByLabel('I have read the document and agree to sign it').uncheck();
    await press(frame, 'Sign');
    await frame.getByRole('alert').filter({ hasText: 'agree' }).waitFor();
    await frame.getByLabel('I have read the document and agree to sign it').check();
    await press(frame, 'Sign', 'All done');
    expect(await frame.getByRole('link', { name: 'Go to dashboard' }).count()).toBe(0);
    expect(await stepMessages()).toEqual([completed('pdf-form-fill')]);
    expect((await getFlow(url, flow.id)).completed_steps).toEqual(['pdf-form-fill']);
  }, 20_000);

  it('a redirect step without redirect_url completes and ends the flow in place', async () => {
    const { frame, page, stepMessages } = await openFlow({ steps: ['redirect'] });
    await press(frame, 'Continue', 'All done');
    expect(new URL(page.url()).pathname).toBe('/host');
    expect(await stepMessages()).toEqual([completed('redirect')]);
  }, 20_000);

  it('a flow with no steps is onboarding alone', async () => {
    const fresh = await createFlow(suite.sandbox.url, { steps: [] });
    const { frame, stepMessages } = await openHostIn(suite.browser, suite.host, fresh.link, cleanups);
    await heading(frame, 'Verify your phone');
    await press(frame, 'Send code', 'Enter the code');
    await press(frame, 'Verify', 'All done');
    expect(await stepMessages()).toEqual([completed('onboarding')]);
    expect((await getFlow(suite.sandbox.url, fresh.id)).user_id).not.toBeNull();
  }, 20_000);
});
