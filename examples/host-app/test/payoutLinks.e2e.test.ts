// Payout Links in the running example, in real Chromium: an admin pays someone by link (amount and email),
// sees the link, and watches its status change live from Dots' webhooks while the payee, with no Acme
// account, opens Acme's page for the link (the link's Dots flow embedded with <DotsFlow flow>), verifies
// their phone and withdraws. A replayed create request makes no second link.
import { describe, expect, it } from 'vitest';
import { ADMIN_CHANNEL, type PayoutLinkWebhookEntry } from '../server/webhookLog.js';
import { createAccount, press } from './browserHelpers.js';
import { setUpHostAppInChromium } from './hostAppInChromium.js';

const ADMIN = 'ops@acme.test';
const host = setUpHostAppInChromium({ hmr: false, adminEmails: [ADMIN] });

describe('Payout Links, end to end', () => {
  it('admin creates a $40 link for an email; the payee claims it on Acme’s page; the admin sees it live', async () => {
    const adminContext = await host.browser.newContext();
    adminContext.setDefaultTimeout(8_000);
    const admin = await adminContext.newPage();
    const pageErrors: string[] = [];
    admin.on('pageerror', (error) => pageErrors.push(`admin: ${error.message}`));

    // An ordinary account sees no admin page.
    await admin.goto(`${host.app.url}/signup`);
    await createAccount(admin, 'Ops Team', ADMIN, 'payouts-for-all');
    await admin.getByRole('heading', { level: 1, name: 'Set up payouts' }).waitFor();
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Payout Links' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Payout Links' }).waitFor();
    await admin.getByText('None yet.').waitFor();

    // A typo is caught before anything is sent.
    await admin.getByLabel('Amount (USD)').fill('forty');
    await admin.getByRole('button', { name: 'Create Payout Link' }).click();
    await admin.getByRole('alert').filter({ hasText: 'Enter an amount in dollars' }).waitFor();

    await admin.getByLabel('Amount (USD)').fill('40');
    await admin.getByLabel(/Payee email/).fill('pat@example.com');
    const sent = admin.waitForRequest((r) => r.url().endsWith('/api/admin/payout-links') && r.method() === 'POST');
    await admin.getByRole('button', { name: 'Create Payout Link' }).click();
    const createRequest = await sent;
    const card = admin.locator('[data-payout-link-card]');
    await card.getByRole('heading', { name: '$40.00 for pat@example.com' }).waitFor();
    await card.getByRole('status').filter({ hasText: 'Waiting for the payee' }).waitFor();
    const shareUrl = await card.getByLabel('Link to share').inputValue();
    const payoutLinkId = (await card.getAttribute('data-payout-link-card'))!;
    expect(shareUrl).toBe(`${host.app.url}/claim/${payoutLinkId}`);
    // Human terms on the page; ids only in the developer view.
    expect(await admin.locator('main').innerText()).not.toContain(payoutLinkId.slice(0, 8) + '-');

    // The create request replayed (a retry, a double submit): the same link, no second one.
    const replays = await Promise.all(
      [1, 2].map(() =>
        admin.request.post(`${host.app.url}/api/admin/payout-links`, {
          headers: { 'content-type': 'application/json' },
          data: createRequest.postData()!,
        }),
      ),
    );
    for (const replay of replays) {
      expect(((await replay.json()) as { payoutLink: { id: string } }).payoutLink.id).toBe(payoutLinkId);
    }
    const listed = (await (await admin.request.get(`${host.app.url}/api/admin/payout-links`)).json()) as {
      payoutLinks: { id: string }[];
    };
    expect(listed.payoutLinks.map((link) => link.id)).toEqual([payoutLinkId]);

    // The payee: no account, Acme's page, the link's own Dots flow in the frame.
    const payeeContext = await host.browser.newContext();
    payeeContext.setDefaultTimeout(8_000);
    const payee = await payeeContext.newPage();
    payee.on('pageerror', (error) => pageErrors.push(`payee: ${error.message}`));
    await payee.goto(shareUrl);
    await payee.getByRole('heading', { level: 1, name: 'Acme Gigs sent you $40.00' }).waitFor();
    const flow = payee.frameLocator('iframe[title="Collect your payment with Dots"]');
    await flow.getByRole('heading', { level: 1, name: 'Verify your phone' }).waitFor();
    await press(flow, 'Send code', 'Enter the code');
    await press(flow, 'Verify', 'Withdraw funds');

    // Claimed: the admin's page changes on its own, from the webhook.
    await card.getByRole('status').filter({ hasText: 'Claimed' }).waitFor();

    await flow.getByLabel('Amount (USD)').fill('40.00');
    await press(flow, 'Withdraw');
    await payee.getByRole('heading', { level: 1, name: 'You got paid' }).waitFor();
    await payee
      .getByRole('status')
      .filter({ hasText: /^\$40\.00 is on its way to your / })
      .waitFor();

    await card.getByRole('status').filter({ hasText: 'Paid out' }).waitFor();
    const timeline = card.getByRole('list', { name: 'Updates from Dots' });
    await expect
      .poll(() => timeline.locator('li').allInnerTexts())
      .toEqual([
        expect.stringMatching(/^Waiting for the payee/),
        expect.stringMatching(/^Claimed/),
        expect.stringMatching(/^Paid out/),
      ]);
    await admin
      .getByRole('region', { name: 'Recent Payout Links' })
      .locator(`[data-payout-link="${payoutLinkId}"][data-stage="paid_out"]`)
      .waitFor();

    // The webhooks behind it: verified, read back, every one about this link, ending paid out.
    const hooks = host.app.webhookLog
      .forUser(ADMIN_CHANNEL)
      .filter((entry): entry is PayoutLinkWebhookEntry => entry.kind === 'payout_link');
    expect(hooks.length).toBeGreaterThanOrEqual(3);
    expect(new Set(hooks.map((hook) => hook.webhookId)).size).toBe(hooks.length);
    expect(hooks.every((hook) => hook.payoutLinkId === payoutLinkId && hook.amountCents === 4000)).toBe(true);
    expect(hooks.at(-1)?.stage).toBe('paid_out');

    // A second visit to the link: nothing left to collect.
    await payee.goto(shareUrl);
    await payee.getByRole('heading', { level: 1, name: 'You got paid' }).waitFor();
    expect(await payee.locator('iframe').count()).toBe(0);

    expect(pageErrors).toEqual([]);
    await payeeContext.close();
    await adminContext.close();
  }, 60_000);
});
