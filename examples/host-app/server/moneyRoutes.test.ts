import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GIGS, gigPaymentKey } from './gigs.js';
import { UUID, startHarness } from './testing/hostApiHarness.js';

let h: Awaited<ReturnType<typeof startHarness>>;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const GIG = GIGS[0];
const body = async <T>(response: Response) => (await response.json()) as T;
const errorCode = async (response: Response) => (await body<{ error: { code: string } }>(response)).error.code;
const post = (path: string, cookie: string) => h.call(path, { method: 'POST', headers: { cookie } });
interface WalletBody {
  balanceCents: number;
  history: { id: string; amountCents: number; kind: string; description: string }[];
}
const wallet = async (cookie: string) => body<WalletBody>(await h.call('/api/wallet', { headers: { cookie } }));

describe('gig payments (Flow Payouts: the host pays the user)', () => {
  it('derives one UUID per host user and gig, so replays carry the same key', () => {
    expect(gigPaymentKey('hu_a', 'logo-refresh')).toMatch(UUID);
    expect(gigPaymentKey('hu_a', 'logo-refresh')).toBe(gigPaymentKey('hu_a', 'logo-refresh'));
    expect(gigPaymentKey('hu_a', 'logo-refresh')).not.toBe(gigPaymentKey('hu_b', 'logo-refresh'));
    expect(gigPaymentKey('hu_a', 'logo-refresh')).not.toBe(gigPaymentKey('hu_a', 'product-photos'));
    // The separator is part of the name: ("a:b", "c") and ("a", "b:c") must not collide.
    expect(gigPaymentKey('a:b', 'c')).not.toBe(gigPaymentKey('a', 'b:c'));
  });

  it('refuses signed-out users, unfinished sign-ups and unknown gigs', async () => {
    expect((await h.call(`/api/gigs/${GIG.id}/complete`, { method: 'POST' })).status).toBe(401);
    expect((await h.call('/api/wallet')).status).toBe(401);
    const { cookie } = await h.signUp('Newbie');
    const early = await post(`/api/gigs/${GIG.id}/complete`, cookie);
    expect(early.status).toBe(409);
    expect(await errorCode(early)).toBe('payouts_not_ready');
    expect(await errorCode(await h.call('/api/wallet', { headers: { cookie } }))).toBe('payouts_not_ready');
    const ready = await h.signUpReady('Ready');
    for (const gig of ['nope', '..%2F..%2Fusers', '%00', 'x'.repeat(300), '__proto__', 'constructor']) {
      const response = await post(`/api/gigs/${gig}/complete`, ready.cookie);
      expect(response.status).toBe(404);
      expect(await errorCode(response)).toBe('unknown_gig');
    }
    expect((await h.call(`/api/gigs/${GIG.id}/complete`, { headers: { cookie: ready.cookie } })).status).toBe(404);
    expect((await wallet(ready.cookie)).history).toEqual([]);
  });

  it('pays $25 once per gig, however often and however concurrently the request comes', async () => {
    const { id, cookie, dotsUserId } = await h.signUpReady('Payee');
    const before = await wallet(cookie);
    // A double click and a replayed request race each other: all pass the "paid already?" check together.
    const racing = await Promise.all([1, 2, 3, 4].map(() => post(`/api/gigs/${GIG.id}/complete`, cookie)));
    const payments = await Promise.all(racing.map((r) => body<{ payment: { transferId: string } }>(r)));
    expect(new Set(payments.map((p) => p.payment.transferId)).size).toBe(1);
    // Later replays find the payment and answer it.
    const replay = await post(`/api/gigs/${GIG.id}/complete`, cookie);
    expect(replay.status).toBe(200);
    expect(await body(replay)).toMatchObject({ replayed: true, payment: payments[0]!.payment });

    const after = await wallet(cookie);
    expect(after.balanceCents - before.balanceCents).toBe(GIG.payCents);
    expect(after.history).toEqual([
      expect.objectContaining({ kind: 'gig', amountCents: GIG.payCents, description: `Gig: ${GIG.title}` }),
    ]);
    const transfers = await h.client.transfers.list({ user_id: dotsUserId });
    expect(transfers.data).toHaveLength(1);
    expect(transfers.data[0]).toMatchObject({ amount: -GIG.payCents, metadata: { host_user_id: id, gig_id: GIG.id } });

    const gigs = await body<{ gigs: { id: string; payment: unknown }[] }>(
      await h.call('/api/gigs', { headers: { cookie } }),
    );
    expect(gigs.gigs.map((gig) => gig.payment !== null)).toEqual(GIGS.map((gig) => gig.id === GIG.id));
  });

  it('logs a signed transfer webhook for the transfer’s owner only, read back from Dots', async () => {
    const { id, cookie } = await h.signUpReady('Hooked');
    const other = await h.signUpReady('Other');
    const paid = await body<{ payment: { transferId: string } }>(
      await post(`/api/gigs/${GIGS[1].id}/complete`, cookie),
    );
    const delivered = await h.deliverTransferWebhook(paid.payment.transferId);
    expect(delivered.status).toBe(200);
    expect(h.webhookLog.forUser(id).at(-1)).toMatchObject({
      kind: 'transfer',
      transferId: paid.payment.transferId,
      amountCents: GIGS[1].payCents,
      description: `Gig: ${GIGS[1].title}`,
    });
    expect(h.webhookLog.forUser(other.id).some((entry) => entry.kind === 'transfer')).toBe(false);
    // A forged or unknown transfer id logs nothing: Dots does not know it.
    const before = h.webhookLog.forUser(id).length;
    expect((await h.deliverTransferWebhook('5f0c3a8e-0000-4c1e-9a6f-0d4b8e2c7a15')).status).toBeGreaterThanOrEqual(400);
    expect(
      (await h.deliverTransferWebhook(paid.payment.transferId, 'whsec_d3Jvbmctc2VjcmV0LXdyb25nLXNlY3JldA==')).status,
    ).toBe(400);
    expect(h.webhookLog.forUser(id)).toHaveLength(before);
  });
});
