// The white-label path in the running example, in real Chromium: Acme's own phone form over Dots' users API
// (users.create, send-verification-token, verify with the sandbox's code), then a `manage-payouts` flow for
// the payout method, a gig paid by the host, and a cash-out through `POST /v2/payouts`.
import { describe, expect, it } from 'vitest';
import { GIGS } from '../server/gigs.js';
import { choosePayoutMethod, createAccount, me, shownBalance } from './browserHelpers.js';
import { setUpHostAppInChromium } from './hostAppInChromium.js';
import type { TransferWebhookEntry } from '../server/webhookLog.js';

const host = setUpHostAppInChromium({ hmr: false });

describe('white-label payouts, end to end', () => {
  it('own phone form → code → payout method in a Dots frame → paid for a gig → cash out through the API', async () => {
    const context = await host.browser.newContext();
    context.setDefaultTimeout(8_000);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(`${host.app.url}/signup`);
    await createAccount(page, 'Grace Hopper', 'grace.wl@example.com', 'cobol-1959-wl');
    await page.getByRole('heading', { level: 1, name: 'Set up payouts' }).waitFor();
    await page.getByRole('link', { name: 'Verify your phone with us instead' }).click();

    // Acme's own form: no Dots frame on this page.
    await page.getByRole('heading', { level: 1, name: 'Verify your phone' }).waitFor();
    expect(await page.getByLabel('First name').inputValue()).toBe('Grace');
    expect(await page.getByLabel('Last name').inputValue()).toBe('Hopper');
    await page.getByLabel('Mobile number (US)').fill('415 555');
    await page.getByRole('button', { name: 'Text me a code' }).click();
    await page.getByRole('alert').filter({ hasText: 'Give a US mobile number' }).waitFor();
    await page.getByLabel('Mobile number (US)').fill('(415) 555-0142');
    await page.getByRole('button', { name: 'Text me a code' }).click();
    await page.getByText('We texted a 6-digit code to the number ending in 0142.').waitFor();
    expect(await page.locator('iframe').count()).toBe(0);

    const pending = await me(page, host.app.url);
    expect(pending).toMatchObject({ whiteLabel: true, payoutsReady: false });
    expect(pending.dotsUserId).not.toBeNull();

    // A wrong code is refused with a way forward; the sandbox's code verifies.
    await page.getByLabel('Code').fill('654321');
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('alert').filter({ hasText: 'That code is not right' }).waitFor();
    expect((await me(page, host.app.url)).payoutsReady).toBe(false);
    await page.getByRole('button', { name: 'Send a new code' }).click();
    await page.getByRole('status').filter({ hasText: 'A new code is on its way' }).waitFor();
    await page.getByLabel('Code').fill('123456');
    await page.getByRole('button', { name: 'Verify' }).click();

    // Payout method: the one Dots frame of this path, for the Dots user Acme created.
    await page.waitForURL(`${host.app.url}/account`);
    expect(await me(page, host.app.url)).toMatchObject({ payoutsReady: true, dotsUserId: pending.dotsUserId });
    await choosePayoutMethod(page, host.app.url, 'PayPal · ada@example.com');

    // A white-label user starts at $0; a gig pays $25.
    await page.locator('.balance [data-balance-cents]').waitFor();
    expect(await shownBalance(page)).toBe(0);
    const gig = GIGS[1];
    await page.locator(`[data-gig="${gig.id}"]`).getByRole('button', { name: 'Complete gig, earn $25.00' }).click();
    await expect.poll(() => shownBalance(page)).toBe(gig.payCents);

    // Cash out: Acme's own form, no payout frame; the backend calls POST /v2/payouts.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Withdraw' }).click();
    // The default chosen in the frame comes back from Dots' user object (default_payout_method: 'paypal').
    await page.getByText(/^You have \$25\.00\. It goes to your PayPal\.$/).waitFor();
    expect(await page.locator('iframe').count()).toBe(0);
    expect(await page.getByLabel('Amount (USD)').inputValue()).toBe('25.00');
    const sent = page.waitForRequest(
      (request) => request.url().endsWith('/api/payouts') && request.method() === 'POST',
    );
    await page.getByRole('button', { name: 'Cash out' }).dblclick();
    const cashOut = await sent;
    await page.getByRole('status').filter({ hasText: 'Sent $25.00 to your PayPal.' }).waitFor();
    await page.getByText('Your balance is now $0.00.').waitFor();

    // The same cash-out request replayed three times at once: the same payout, no money moved.
    const replays = await Promise.all(
      [1, 2, 3].map(() =>
        page.request.post(`${host.app.url}/api/payouts`, {
          headers: { 'content-type': 'application/json' },
          data: cashOut.postData()!,
        }),
      ),
    );
    const replayed = await Promise.all(
      replays.map(async (r) => ((await r.json()) as { payout: { transferId: string } }).payout),
    );
    expect(new Set(replayed.map((payout) => payout.transferId)).size).toBe(1);
    const wallet = (await (await page.request.get(`${host.app.url}/api/wallet`)).json()) as {
      balanceCents: number;
      history: { kind: string; amountCents: number; description: string }[];
    };
    expect(wallet.balanceCents).toBe(0);
    expect(wallet.history.map(({ kind, amountCents, description }) => ({ kind, amountCents, description }))).toEqual([
      { kind: 'payout', amountCents: -2500, description: 'Withdrawal to PayPal' },
      { kind: 'gig', amountCents: 2500, description: `Gig: ${gig.title}` },
    ]);
    // Webhooks: one transfer.completed for the gig payment and one for the payout, verified and read back.
    const user = await me(page, host.app.url);
    const transferHooks = () =>
      host.app.webhookLog
        .forUser(user.id)
        .filter(
          (entry): entry is TransferWebhookEntry => entry.kind === 'transfer' && entry.event !== 'transfer.updated',
        );
    await expect
      .poll(() =>
        transferHooks()
          .map((hook) => hook.amountCents)
          .sort(),
      )
      .toEqual([-2500, 2500]);
    expect(transferHooks().find((hook) => hook.amountCents === -2500)?.transferId).toBe(replayed[0]!.transferId);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 60_000);
});
