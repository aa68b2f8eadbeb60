// Flow Payouts in the running example, in real Chromium: sign up (onboarding + compliance), choose a payout
// method, get paid $25 for a gig by the host (an app → user transfer, idempotent), withdraw in a `payout`
// flow; balance and history come from Dots through the backend, and a replayed request moves money once.
import { describe, expect, it } from 'vitest';
import { GIGS } from '../server/gigs.js';
import type { TransferWebhookEntry } from '../server/webhookLog.js';
import { me, press, savePayoutMethod, shownBalance, signUpWithFlow } from './browserHelpers.js';
import { setUpHostAppInChromium } from './hostAppInChromium.js';

const host = setUpHostAppInChromium({ hmr: false });

interface WalletBody {
  balanceCents: number;
  history: { kind: string; amountCents: number; description: string }[];
}

describe('Flow Payouts, end to end', () => {
  it('sign up → payout method → paid $25 for a gig, once however often it is asked → withdraw', async () => {
    const context = await host.browser.newContext();
    context.setDefaultTimeout(8_000);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const wallet = async () => (await (await page.request.get(`${host.app.url}/api/wallet`)).json()) as WalletBody;

    await signUpWithFlow(page, host.app.url, 'Lin Okafor', 'lin@example.com');
    await savePayoutMethod(page, host.app.url);
    const lin = await me(page, host.app.url);
    const gig = GIGS[0];

    // The dashboard: gigs, the balance Dots holds, no payments yet.
    await page.getByRole('heading', { level: 2, name: 'Your balance' }).waitFor();
    await page.locator('.balance [data-balance-cents]').waitFor();
    const start = await shownBalance(page);
    expect(start).toBe((await wallet()).balanceCents);
    await page.getByText('No payments yet').waitFor();
    expect(start).toBe(0);

    // With $0 (Dots' payees start empty) the withdraw page says what to do and makes no payout flow.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Withdraw' }).click();
    await page.getByRole('status').filter({ hasText: 'nothing to withdraw yet' }).waitFor();
    expect(await page.locator('iframe').count()).toBe(0);
    await page.getByRole('main').getByRole('link', { name: 'Complete a gig' }).click();
    await page.waitForURL(`${host.app.url}/`);

    // A double click on the gig's button: one payment.
    const row = page.locator(`[data-gig="${gig.id}"]`);
    await row.getByRole('button', { name: 'Complete gig, earn $25.00' }).dblclick();
    await row.getByRole('status').filter({ hasText: '$25.00 paid to your balance' }).waitFor();
    await expect.poll(() => shownBalance(page)).toBe(start + gig.payCents);

    // The same request replayed, four at once (a retrying proxy, a second tab): still one payment.
    const replays = await Promise.all(
      [1, 2, 3, 4].map(() => page.request.post(`${host.app.url}/api/gigs/${gig.id}/complete`)),
    );
    expect(replays.map((response) => response.status())).toEqual([200, 200, 200, 200]);
    const transferIds = await Promise.all(
      replays.map(
        async (response) => ((await response.json()) as { payment: { transferId: string } }).payment.transferId,
      ),
    );
    expect(new Set(transferIds).size).toBe(1);

    // Dots' own records agree: one transfer for the gig, the balance up by $25 exactly, one signed webhook.
    const after = await wallet();
    expect(after.balanceCents).toBe(start + gig.payCents);
    expect(after.history.filter((item) => item.kind === 'gig')).toEqual([
      expect.objectContaining({ amountCents: gig.payCents, description: `Gig: ${gig.title}` }),
    ]);
    const transferHooks = () =>
      host.app.webhookLog.forUser(lin.id).filter((entry): entry is TransferWebhookEntry => entry.kind === 'transfer');
    await expect.poll(() => transferHooks().length).toBe(1);
    expect(transferHooks()[0]).toMatchObject({ transferId: transferIds[0], amountCents: gig.payCents });
    await page.getByRole('region', { name: 'Activity' }).getByText(`Gig: ${gig.title}`).waitFor();

    // Withdraw $25 in the payout flow: the result names the amount and where it goes, and the new balance.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Withdraw' }).click();
    await page.getByText(`You have $${((start + gig.payCents) / 100).toFixed(2)}`).waitFor();
    const withdraw = page.frameLocator('iframe[title="Withdraw with Dots"]');
    await withdraw.getByRole('heading', { level: 1, name: 'Withdraw funds' }).waitFor();
    await press(withdraw, 'Withdraw');
    const result = page.getByRole('status').filter({ hasText: 'Withdrawal requested' });
    await result.filter({ hasText: 'Dots is sending $25.00 to your' }).waitFor();
    await page.getByText(`Your balance is now $${(start / 100).toFixed(2)}.`).waitFor();
    const afterWithdrawal = await wallet();
    expect(afterWithdrawal.balanceCents).toBe(start);
    expect(afterWithdrawal.history.filter((item) => item.kind === 'payout')).toEqual([
      expect.objectContaining({ amountCents: -2500, description: expect.stringMatching(/^Withdrawal/) }),
    ]);

    // Still exactly one gig payment after everything, and no second webhook for it.
    expect((await wallet()).history.filter((item) => item.kind === 'gig')).toHaveLength(1);
    expect(transferHooks().filter((hook) => hook.transferId === transferIds[0])).toHaveLength(1);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 60_000);
});
