import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UUID, startHarness } from './testing/hostApiHarness.js';
import { usPhoneDigits } from './whiteLabelRoutes.js';

let h: Awaited<ReturnType<typeof startHarness>>;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;
const details = { firstName: 'Grace', lastName: 'Hopper', phone: '(415) 555-0142' };

describe('usPhoneDigits', () => {
  it('reads the usual spellings of a US number and refuses anything else', () => {
    for (const phone of ['(415) 555-0142', '+1 415 555 0142', '415.555.0142', '14155550142', ' 415-555-0142 '.trim()]) {
      expect(usPhoneDigits(phone)).toBe('4155550142');
    }
    for (const phone of [
      '',
      '555-0142',
      '+44 20 7946 0958',
      '0155550142',
      '415555014x',
      '4'.repeat(40),
      '+1 (415) 555-0142; DROP',
    ]) {
      expect(usPhoneDigits(phone)).toBeNull();
    }
  });
});

describe('white-label sign-up (the host’s own phone form over the users API)', () => {
  it('creates the Dots user from the host’s form, texts a code, and counts as set up only once Dots says verified', async () => {
    const { id, email, cookie } = await h.signUp('Grace');
    const created = await h.call('/api/dots-user', h.json('POST', details, cookie));
    expect(created.status).toBe(201);
    const body = (await created.json()) as {
      user: { dotsUserId: string; payoutsReady: boolean; whiteLabel: boolean };
      phoneEnding: string;
    };
    expect(body).toMatchObject({ phoneEnding: '0142', user: { payoutsReady: false, whiteLabel: true } });
    expect(body.user.dotsUserId).toMatch(UUID);
    const dotsUser = await h.client.users.retrieve(body.user.dotsUserId);
    expect(dotsUser).toMatchObject({
      first_name: 'Grace',
      last_name: 'Hopper',
      email,
      phone_number: { country_code: '1', phone_number: '4155550142' },
      status: 'unverified',
      metadata: { host_user_id: id },
    });

    // Not set up yet: no gigs, no wallet.
    expect(await errorCode(await h.call('/api/wallet', { headers: { cookie } }))).toBe('payouts_not_ready');
    // A second creation is refused: one Dots user per host user.
    expect(await errorCode(await h.call('/api/dots-user', h.json('POST', details, cookie)))).toBe('already_linked');

    expect((await h.call('/api/dots-user/send-code', { method: 'POST', headers: { cookie } })).status).toBe(202);
    for (const code of ['', '12345', '1234567', 'abcdef', '12 34 5']) {
      expect(await errorCode(await h.call('/api/dots-user/verify', h.json('POST', { code }, cookie)))).toBe(
        'invalid_code',
      );
    }
    expect(await errorCode(await h.call('/api/dots-user/verify', h.json('POST', { code: '654321' }, cookie)))).toBe(
      'wrong_code',
    );
    expect(h.store.getUser(id)?.payoutsReady).toBe(false);

    const verified = await h.call('/api/dots-user/verify', h.json('POST', { code: '123 456' }, cookie));
    expect(verified.status).toBe(200);
    expect((await h.client.users.retrieve(body.user.dotsUserId)).status).toBe('verified');
    expect(h.store.getUser(id)).toMatchObject({
      payoutsReady: true,
      whiteLabel: true,
      dotsUserId: body.user.dotsUserId,
    });
    expect(await errorCode(await h.call('/api/dots-user/verify', h.json('POST', { code: '123456' }, cookie)))).toBe(
      'already_verified',
    );

    // A white-label user starts with an empty wallet, and flows are created for that Dots user.
    const wallet = (await (await h.call('/api/wallet', { headers: { cookie } })).json()) as { balanceCents: number };
    expect(wallet.balanceCents).toBe(0);
    const flow = await h.createFlow(cookie, { steps: ['manage-payouts'] });
    expect(flow.user_id).toBe(body.user.dotsUserId);
  });

  it('refuses the signed-out, hostile bodies, and users who started the embedded flow', async () => {
    expect((await h.call('/api/dots-user', h.json('POST', details))).status).toBe(401);
    expect((await h.call('/api/dots-user/verify', h.json('POST', { code: '123456' }))).status).toBe(401);
    const { cookie } = await h.signUp('Mallory');
    const post = (body: unknown, type = 'application/json') =>
      h.call('/api/dots-user', {
        method: 'POST',
        headers: { cookie, 'content-type': type },
        body: JSON.stringify(body),
      });
    expect((await post(details, 'text/plain')).status).toBe(415);
    expect(await errorCode(await h.call('/api/dots-user', h.json('POST', '{"firstName":', cookie)))).toBe(
      'invalid_json',
    );
    expect(await errorCode(await post({ ...details, firstName: '' }))).toBe('invalid_first_name');
    expect(await errorCode(await post({ ...details, lastName: 'x'.repeat(51) }))).toBe('invalid_last_name');
    expect(await errorCode(await post({ ...details, lastName: 'a\u0000b' }))).toBe('invalid_last_name');
    for (const phone of [undefined, 4155550142, '+44 20 7946 0958', 'call me']) {
      expect(await errorCode(await post({ ...details, phone }))).toBe('invalid_phone');
    }
    expect(await errorCode(await post(Object.create(details) as object))).toBe('invalid_first_name');
    expect((await post({ ...details, pad: 'y'.repeat(4000) })).status).toBe(413);
    // Verifying before creating: nothing to verify.
    expect(await errorCode(await h.call('/api/dots-user/verify', h.json('POST', { code: '123456' }, cookie)))).toBe(
      'no_pending_verification',
    );

    // A user whose Dots user came from the embedded flow is not switched to white label.
    const flowUser = await h.signUpReady('Flow');
    expect(await errorCode(await h.call('/api/dots-user', h.json('POST', details, flowUser.cookie)))).toBe(
      'already_linked',
    );
    expect(
      await errorCode(
        await h.call('/api/dots-user/send-code', { method: 'POST', headers: { cookie: flowUser.cookie } }),
      ),
    ).toBe('no_pending_verification');
  });

  it('a double submit makes one Dots user', async () => {
    const { id, cookie } = await h.signUp('Double');
    const answers = await Promise.all([1, 2, 3].map(() => h.call('/api/dots-user', h.json('POST', details, cookie))));
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    const dotsUserId = h.store.getUser(id)?.dotsUserId;
    const mine = (await h.client.users.list({ limit: 100 })).data.filter(
      (user) => (user.metadata as Record<string, unknown> | null)?.['host_user_id'] === id,
    );
    expect(mine.map((user) => user.id)).toEqual([dotsUserId]);
  });
});
