import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, UUID, startHarness } from './testing/hostApiHarness.js';
import { ADMIN_CHANNEL } from './webhookLog.js';

let h: Awaited<ReturnType<typeof startHarness>>;
let admin: Awaited<ReturnType<typeof h.signUp>>;
beforeAll(async () => {
  h = await startHarness();
  admin = await h.signUp('Ops', ADMIN_EMAIL);
});
afterAll(() => h.close());

const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;
interface Created {
  payoutLink: { id: string; amountCents: number; payee: string | null; stage: string; link: string; flowId: string };
}
const create = (body: Record<string, unknown>, cookie = admin.cookie) =>
  h.call('/api/admin/payout-links', h.json('POST', { requestId: crypto.randomUUID(), ...body }, cookie));

/** What the link's flow page does when the payee verifies their phone, then withdraws. */
async function payeeClaimsAndWithdraws(flowId: string, dollars: string) {
  await h.completeOnboarding(flowId);
  const response = await fetch(`${h.sandbox.url}/flow/${flowId}/steps/payout`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ fields: { amount: dollars } }),
  });
  if (!response.ok) throw new Error(`payout step failed: ${response.status} ${await response.text()}`);
}

describe('admin Payout Links', () => {
  it('only admins reach the admin routes: others get a 404, and /api/me says who is one', async () => {
    const someone = await h.signUp('Someone');
    expect((await create({ amountCents: 4000 }, someone.cookie)).status).toBe(404);
    expect((await h.call('/api/admin/payout-links', { headers: { cookie: someone.cookie } })).status).toBe(404);
    expect((await h.call('/api/admin/payout-links')).status).toBe(404);
    expect((await h.call('/api/admin/events', { headers: { cookie: someone.cookie } })).status).toBe(401);
    const me = async (cookie: string) =>
      ((await (await h.call('/api/me', { headers: { cookie } })).json()) as { user: { isAdmin: boolean } }).user;
    expect((await me(someone.cookie)).isAdmin).toBe(false);
    expect((await me(admin.cookie)).isAdmin).toBe(true);
  });

  it('refuses bad amounts, emails, phones and request ids', async () => {
    for (const amountCents of [undefined, 0, -100, 12.5, '4000', 1_000_01, Number.MAX_SAFE_INTEGER + 2]) {
      expect(await errorCode(await create({ amountCents }))).toBe('invalid_amount');
    }
    for (const email of ['pat', 'pat@', 'a b@x.io', `${'a'.repeat(250)}@x.io`]) {
      expect(await errorCode(await create({ amountCents: 4000, email }))).toBe('invalid_email');
    }
    for (const phone of ['555', '+44 20 7946 0958', 'call me']) {
      expect(await errorCode(await create({ amountCents: 4000, phone }))).toBe('invalid_phone');
    }
    for (const requestId of ['', 'abc', 42]) {
      expect(await errorCode(await create({ amountCents: 4000, requestId }))).toBe('invalid_request_id');
    }
    expect((await h.call('/api/admin/payout-links', h.json('POST', '{"amountCents":', admin.cookie))).status).toBe(400);
  });

  it('creates a link once per press, delivers it to the payee given, and follows it to paid out', async () => {
    const requestId = crypto.randomUUID();
    const presses = await Promise.all(
      [1, 2, 3].map(() => create({ amountCents: 4000, email: 'Pat@Example.com', phone: '(415) 555-0199', requestId })),
    );
    const bodies = (await Promise.all(presses.map((r) => r.json()))) as Created[];
    expect(new Set(bodies.map((b) => b.payoutLink.id)).size).toBe(1);
    const { payoutLink } = bodies[0]!;
    expect(payoutLink).toMatchObject({ amountCents: 4000, payee: 'pat@example.com', stage: 'delivered' });
    expect(payoutLink.id).toMatch(UUID);
    expect(payoutLink.link).toBe(`${h.sandbox.url}/flow/${payoutLink.flowId}`);
    const dots = await h.client.payoutLinks.retrieve(payoutLink.id);
    expect(dots.payee).toMatchObject({ email: 'pat@example.com', country_code: '1', phone_number: '4155550199' });
    expect(dots.metadata).toMatchObject({ created_by: admin.id });

    // The payee's page: amount, status, and the flow to embed, without any account.
    const claim = async () =>
      (await (await h.call(`/api/payout-links/${payoutLink.id}`)).json()) as {
        amountCents: number;
        status: string;
        flow: { id: string; link: string } | null;
        paidOut: { amountCents: number } | null;
      };
    expect(await claim()).toMatchObject({
      amountCents: 4000,
      status: 'delivered',
      paidOut: null,
      flow: { id: payoutLink.flowId },
    });

    await payeeClaimsAndWithdraws(payoutLink.flowId, '40.00');
    expect(await claim()).toMatchObject({ status: 'claimed', flow: null, paidOut: { amountCents: 4000 } });

    // A signed link webhook: the admins' channel gets the link as Dots reads it now, paid out.
    expect((await h.deliverPayoutLinkWebhook(payoutLink.id)).status).toBe(200);
    expect(h.webhookLog.forUser(ADMIN_CHANNEL).at(-1)).toMatchObject({
      kind: 'payout_link',
      payoutLinkId: payoutLink.id,
      stage: 'paid_out',
      amountCents: 4000,
    });
    expect(h.webhookLog.forUser(admin.id).some((entry) => entry.kind === 'payout_link')).toBe(false);
    const list = (await (await h.call('/api/admin/payout-links', { headers: { cookie: admin.cookie } })).json()) as {
      payoutLinks: { id: string; stage: string }[];
    };
    expect(list.payoutLinks.find((link) => link.id === payoutLink.id)?.stage).toBe('paid_out');
  });

  it('the payee page refuses ids that are no Payout Link', async () => {
    for (const id of ['nope', '00000000-0000-4000-8000-000000000000', '..%2Fadmin']) {
      const response = await h.call(`/api/payout-links/${id}`);
      expect(response.status).toBe(404);
      expect(await errorCode(response)).toBe('unknown_payout_link');
    }
  });
});

describe('white-label cash-out (POST /v2/payouts)', () => {
  it('pays out once per request id, to the default method, and refuses more than the balance', async () => {
    const payee = await h.signUpReady('Payee');
    // The payout method, chosen in a manage-payouts flow as the page would.
    const settings = await h.createFlow(payee.cookie, { steps: ['manage-payouts'] });
    const saved = await fetch(`${h.sandbox.url}/flow/${settings.id}/steps/manage-payouts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fields: { default_method: 'pm_paypal' } }),
    });
    expect(saved.status).toBe(200);
    await h.call('/api/gigs/logo-refresh/complete', { method: 'POST', headers: { cookie: payee.cookie } });
    const balance = async () =>
      ((await (await h.call('/api/wallet', { headers: { cookie: payee.cookie } })).json()) as { balanceCents: number })
        .balanceCents;
    const before = await balance();
    const requestId = crypto.randomUUID();
    const cashOut = (body: Record<string, unknown>) => h.call('/api/payouts', h.json('POST', body, payee.cookie));
    const answers = await Promise.all([1, 2, 3].map(() => cashOut({ amountCents: 2500, requestId })));
    const payouts = (await Promise.all(answers.map((a) => a.json()))) as unknown as {
      payout: { transferId: string; amountCents: number };
    }[];
    expect(
      answers.map((a) => a.status),
      JSON.stringify(payouts),
    ).toEqual([201, 201, 201]);
    expect(new Set(payouts.map((p) => p.payout.transferId)).size).toBe(1);
    expect(payouts[0]!.payout).toMatchObject({ amountCents: 2500, payoutMethod: 'PayPal' });
    expect(await balance()).toBe(before - 2500);

    expect(await errorCode(await cashOut({ amountCents: before * 10, requestId: crypto.randomUUID() }))).toBe(
      'insufficient_funds',
    );
    for (const amountCents of [0, -1, 1.5, '2500', undefined]) {
      expect(await errorCode(await cashOut({ amountCents, requestId: crypto.randomUUID() }))).toBe('invalid_amount');
    }
    expect(await errorCode(await cashOut({ amountCents: 100, requestId: 'x' }))).toBe('invalid_request_id');
    expect((await h.call('/api/payouts', h.json('POST', { amountCents: 100, requestId }))).status).toBe(401);
    const newbie = await h.signUp('Newbie');
    expect(
      await errorCode(await h.call('/api/payouts', h.json('POST', { amountCents: 100, requestId }, newbie.cookie))),
    ).toBe('payouts_not_ready');
  });
});
