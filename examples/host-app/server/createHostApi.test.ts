import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signTestWebhook } from '@dots-flow/server';
import { OTHER_SECRET, SECRET, SEEDED_DOTS_USER, UUID, startHarness } from './testing/hostApiHarness.js';

let h: Awaited<ReturnType<typeof startHarness>>;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

describe('sessions', () => {
  it('without a session every user route answers 401 and /api/me says nobody', async () => {
    expect((await h.call('/api/dots/flows', h.json('POST', { steps: ['compliance'] }))).status).toBe(401);
    expect((await h.call('/api/dots/flows/flow_0123456789abcdef')).status).toBe(401);
    expect((await h.call('/api/events')).status).toBe(401);
    expect(await (await h.call('/api/me')).json()).toEqual({ user: null });
  });

  it('a made-up, malformed or stolen-looking cookie is no session', async () => {
    const forged = `host_session=${'A'.repeat(43)}`;
    for (const cookie of [forged, 'host_session=../../etc', 'host_session=', `other=${'A'.repeat(43)}`]) {
      const response = await h.call('/api/dots/flows', h.json('POST', { steps: ['compliance'] }, cookie));
      expect(response.status).toBe(401);
    }
  });

  it('sign-up sets an HttpOnly, SameSite=Lax cookie whose token the store keeps only hashed', async () => {
    const account = { name: '  Grace  ', email: 'grace@example.com', password: 'cobol-1959' };
    const response = await h.call('/api/users', h.json('POST', account));
    expect(response.status).toBe(201);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^host_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax/);
    const token = cookie.split(';')[0]!.split('=')[1]!;
    await h.store.flush();
    const { readFile } = await import('node:fs/promises');
    const saved = await readFile(h.store.file, 'utf8');
    expect(saved).not.toContain(token);
    expect(saved).not.toContain(account.password);
    const me = await h.call('/api/me', { headers: { cookie: cookie.split(';')[0]! } });
    expect((await me.json()) as unknown).toEqual({
      user: {
        id: expect.stringMatching(/^hu_/),
        name: 'Grace',
        dotsUserId: null,
        payoutsReady: false,
        whiteLabel: false,
        isAdmin: false,
      },
    });
  });

  it('sign-up refuses hostile bodies and ignores ids in them', async () => {
    const post = (body: unknown, type = 'application/json') =>
      h.call('/api/users', { method: 'POST', headers: { 'content-type': type }, body: JSON.stringify(body) });
    const valid = { email: 'mallory@example.com', password: 'long enough' };
    expect((await post({ name: 'x', ...valid }, 'text/plain')).status).toBe(415);
    expect((await h.call('/api/users', h.json('POST', '{"name":'))).status).toBe(400);
    for (const name of [undefined, 42, '   ', 'x'.repeat(61), 'a\u0000b']) {
      const response = await post({ name, ...valid });
      expect(response.status).toBe(400);
      expect(await errorCode(response)).toBe('invalid_name');
    }
    for (const body of [{}, null, []]) expect(await errorCode(await post(body))).toBe('invalid_name');
    for (const email of [undefined, 'ada', 'ada@', '@x.io', 'a b@x.io', 'a@b', `${'a'.repeat(250)}@x.io`, 'a\n@x.io']) {
      expect(await errorCode(await post({ name: 'Ada', email, password: 'long enough' }))).toBe('invalid_email');
    }
    for (const password of [undefined, 12345678, 'short', 'x'.repeat(201)]) {
      expect(await errorCode(await post({ name: 'Ada', email: 'ada@x.io', password }))).toBe('invalid_password');
    }
    // An inherited field is no field.
    const inherited = Object.create({ name: 'Proto', ...valid }) as object;
    expect((await post(inherited)).status).toBe(400);
    expect((await post({ name: 'x', ...valid, pad: 'y'.repeat(4000) })).status).toBe(413);
    const sneaky = await post({
      name: 'Mallory',
      ...valid,
      id: 'hu_admin',
      dotsUserId: SEEDED_DOTS_USER,
      payoutsReady: true,
    });
    expect(sneaky.status).toBe(201);
    const { user } = (await sneaky.json()) as {
      user: { id: string; dotsUserId: string | null; payoutsReady: boolean };
    };
    expect(user.id).not.toBe('hu_admin');
    expect(user.dotsUserId).toBeNull();
    expect(user.payoutsReady).toBe(false);
    const twice = await post({ name: 'Mallory again', ...valid, email: 'MALLORY@example.com' });
    expect(twice.status).toBe(409);
    expect(await errorCode(twice)).toBe('email_taken');
  });

  it('sign-in after sign-out starts a new session for the same account', async () => {
    const { id, email, password, cookie } = await h.signUp('Linus');
    expect((await h.call('/api/session', { method: 'DELETE', headers: { cookie } })).status).toBe(204);
    const signIn = await h.call('/api/session', h.json('POST', { email: `  ${email.toUpperCase()} `, password }));
    expect(signIn.status).toBe(200);
    const fresh = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(fresh).toMatch(/^host_session=[\w-]{43}$/);
    expect(fresh).not.toBe(cookie);
    const me = (await (await h.call('/api/me', { headers: { cookie: fresh } })).json()) as { user: { id: string } };
    expect(me.user.id).toBe(id);
    await expect((await h.call('/api/me', { headers: { cookie } })).json()).resolves.toEqual({ user: null });
  });

  it('sign-in refuses wrong, unknown, malformed and hostile credentials alike', async () => {
    const { email, password } = await h.signUp('Edsger');
    const post = (body: unknown, type = 'application/json') =>
      h.call('/api/session', { method: 'POST', headers: { 'content-type': type }, body: JSON.stringify(body) });
    expect((await post({ email, password }, 'text/plain')).status).toBe(415);
    expect((await h.call('/api/session', h.json('POST', '{"email":'))).status).toBe(400);
    const wrong = [
      { email, password: `${password}!` },
      { email, password: password.toUpperCase() },
      { email: 'nobody@example.com', password },
      { email },
      { email: [email], password },
      { email, password: { toString: password } },
      { email: '', password: '' },
      {},
      null,
      Object.create({ email, password }) as object,
    ];
    for (const body of wrong) {
      const response = await post(body);
      expect(response.status).toBe(401);
      expect(await errorCode(response)).toBe('invalid_credentials');
      expect(response.headers.get('set-cookie')).toBeNull();
    }
    expect((await post({ email, password, pad: 'y'.repeat(4000) })).status).toBe(413);
    expect((await post({ email, password })).status).toBe(200);
  });

  it('sign-out ends the session on the server, not only in the browser', async () => {
    const { cookie } = await h.signUp();
    const out = await h.call('/api/session', { method: 'DELETE', headers: { cookie } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await h.call('/api/dots/flows', h.json('POST', { steps: ['payout'] }, cookie))).status).toBe(401);
  });
});

describe('flows', () => {
  it('the Dots user_id comes only from the server-side mapping: a user_id in the body is refused, never used', async () => {
    const { id, cookie } = await h.signUp();
    const flowIds = async () => (await h.client.flows.list().autoPagingToArray({ limit: 1000 })).map((f) => f.id);
    const before = await flowIds();
    // A known Dots user's id, and other shapes of the field: each is a 400 naming user_id, and no flow is made.
    for (const user_id of [SEEDED_DOTS_USER, 'user_seeded', null, '']) {
      const refused = await h.call('/api/dots/flows', h.json('POST', { steps: ['compliance'], user_id }, cookie));
      expect(refused.status).toBe(400);
      const { error } = (await refused.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe('invalid_body');
      expect(error.message).toContain('user_id');
    }
    expect(await flowIds()).toEqual(before);

    // Without the field, the flow is made for the session's user; a host_user_id in the metadata is overridden.
    const forged = { steps: ['compliance'], metadata: { host_user_id: 'hu_victim' } };
    const first = await h.createFlow(cookie, forged);
    expect(first.user_id).toBeNull();
    expect(first.steps).toEqual(['compliance']);
    expect(first.metadata?.['host_user_id']).toBe(id);

    const onboarded = await h.completeOnboarding(first.id);
    expect(onboarded.user_id).toMatch(UUID);
    expect(onboarded.user_id).not.toBe(SEEDED_DOTS_USER);
    expect((await h.deliverWebhook(first.id)).status).toBe(200);
    expect(h.store.getUser(id)?.dotsUserId).toBe(onboarded.user_id);

    const next = await h.createFlow(cookie, { ...forged, steps: ['payout'] });
    expect(next.user_id).toBe(onboarded.user_id);
    expect(next.steps).toEqual(['payout']);
    // Once linked, an injected user_id is still refused rather than dropped or obeyed.
    const again = await h.call(
      '/api/dots/flows',
      h.json('POST', { steps: ['payout'], user_id: SEEDED_DOTS_USER }, cookie),
    );
    expect(again.status).toBe(400);
    expect(await errorCode(again)).toBe('invalid_body');
    expect((await flowIds()).length).toBe(before.length + 2);
  });

  it('refuses steps the app does not use, and hides other users’ flows', async () => {
    const alice = await h.signUp('Alice');
    const bob = await h.signUp('Bob');
    const refused = await h.call('/api/dots/flows', h.json('POST', { steps: ['id-verification'] }, alice.cookie));
    expect(refused.status).toBe(400);
    expect(await errorCode(refused)).toBe('step_not_allowed');
    const flow = await h.createFlow(alice.cookie);
    expect((await h.call(`/api/dots/flows/${flow.id}`, { headers: { cookie: alice.cookie } })).status).toBe(200);
    expect((await h.call(`/api/dots/flows/${flow.id}`, { headers: { cookie: bob.cookie } })).status).toBe(404);
  });
});

describe('sign-up is finished only when Dots says so', () => {
  const me = async (cookie: string) =>
    ((await (await h.call('/api/me', { headers: { cookie } })).json()) as { user: Record<string, unknown> }).user;

  it('a Dots user alone is not set up; the tax step read back from Dots is, and a resumed flow finishes it', async () => {
    const { id, cookie } = await h.signUp();
    const first = await h.createFlow(cookie, { steps: ['compliance'] });
    await h.completeOnboarding(first.id);
    expect((await h.deliverWebhook(first.id)).status).toBe(200);
    expect(await me(cookie)).toMatchObject({ dotsUserId: expect.any(String), payoutsReady: false });
    expect(h.webhookLog.forUser(id).at(-1)).toMatchObject({ link: 'linked', payoutsReady: false });

    // The user left during the tax form: the next flow is for the stored Dots user, without phone verification.
    const resumed = await h.createFlow(cookie, { steps: ['compliance'] });
    expect(resumed.user_id).toBe((await me(cookie))['dotsUserId']);
    expect(resumed.steps).toEqual(['compliance']);
    await h.completeCompliance(resumed.id);
    expect((await h.deliverWebhook(resumed.id)).status).toBe(200);
    expect(await me(cookie)).toMatchObject({ payoutsReady: true });
    expect(h.webhookLog.forUser(id).at(-1)).toMatchObject({ flowId: resumed.id, payoutsReady: true });
    expect(h.store.getUser(id)?.payoutsReady).toBe(true);
  });

  it('no webhook, or one about another Dots user’s flow, finishes nobody’s sign-up', async () => {
    const { id, cookie } = await h.signUp();
    const flow = await h.createFlow(cookie, { steps: ['compliance'] });
    await h.completeOnboarding(flow.id);
    await h.completeCompliance(flow.id);
    // Dots completed the steps, but no verified webhook reached us yet: not set up.
    expect(await me(cookie)).toMatchObject({ dotsUserId: null, payoutsReady: false });

    await h.store.linkDotsUser(id, SEEDED_DOTS_USER);
    // Signed, and read back from Dots, but its Dots user is not the one this host user is linked to.
    expect((await h.deliverWebhook(flow.id)).status).toBe(200);
    expect(h.webhookLog.forUser(id).at(-1)).toMatchObject({ link: 'conflict', payoutsReady: false });
    expect(await me(cookie)).toMatchObject({ dotsUserId: SEEDED_DOTS_USER, payoutsReady: false });
  });
});

describe('webhooks', () => {
  it('forged, unsigned, tampered or stale deliveries get 4xx and store nothing', async () => {
    const { id, cookie } = await h.signUp();
    const flow = await h.createFlow(cookie);
    await h.completeOnboarding(flow.id);
    const genuine = await signTestWebhook({ event: 'flow.updated', flow_id: flow.id }, SECRET);
    const { 'svix-signature': _signature, ...unsigned } = genuine.headers;
    const attempts = [
      h.call('/api/dots/webhooks', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: genuine.body,
      }),
      h.call('/api/dots/webhooks', { method: 'POST', headers: unsigned, body: genuine.body }),
      h.deliverWebhook(flow.id, { secret: OTHER_SECRET }),
      h.deliverWebhook(flow.id, { timestamp: Math.floor(Date.now() / 1000) - 3600 }),
      h.call('/api/dots/webhooks', {
        method: 'POST',
        headers: genuine.headers,
        body: genuine.body.replace(flow.id, 'flow_0123456789abcdef'),
      }),
      h.call('/api/dots/webhooks', { method: 'POST', headers: genuine.headers, body: ` ${genuine.body}` }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
    expect(h.store.getUser(id)?.dotsUserId).toBeNull();
    expect(h.webhookLog.forUser(id)).toEqual([]);

    // The same delivery, untouched, is accepted: the refusals above were about the signature.
    const accepted = await h.call('/api/dots/webhooks', {
      method: 'POST',
      headers: genuine.headers,
      body: genuine.body,
    });
    expect(accepted.status).toBe(200);
    expect(h.store.getUser(id)?.dotsUserId).toMatch(UUID);
    const again = await h.call('/api/dots/webhooks', { method: 'POST', headers: genuine.headers, body: genuine.body });
    expect(again.status).toBe(200);
    expect(h.webhookLog.forUser(id)).toHaveLength(1);
  });

  it('a signed webhook about a flow of no host user stores nothing', async () => {
    const before = h.store.dotsUserIds();
    const stray = await h.client.flows.create({ steps: ['payout'], user_id: SEEDED_DOTS_USER });
    expect((await h.deliverWebhook(stray.id)).status).toBe(200);
    expect(h.store.dotsUserIds()).toEqual(before);
    expect(h.lines.some((line) => line.includes(stray.id))).toBe(true);
  });

  it('streams the signed-in user’s verified webhooks as server-sent events', async () => {
    const { id, cookie } = await h.signUp();
    const flow = await h.createFlow(cookie);
    const response = await h.call('/api/events', { headers: { cookie } });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${needle}`);
        text += value;
      }
    };
    await readUntil('event: reset\ndata: []');
    await h.completeOnboarding(flow.id);
    await h.deliverWebhook(flow.id, { id: 'msg_stream_test_1' });
    await readUntil('event: webhook');
    await readUntil('\n\n');
    const data = text.slice(text.indexOf('event: webhook')).match(/data: (.*)/)?.[1];
    expect(JSON.parse(data!)).toMatchObject({ webhookId: 'msg_stream_test_1', flowId: flow.id, link: 'linked' });
    expect(h.webhookLog.forUser(id)).toHaveLength(1);
    await reader.cancel();
  });
});
