import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signTestWebhook } from '@dots-flow/server';
import { OTHER_SECRET, SECRET, startHarness } from './testing/hostApiHarness.js';

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
    const response = await h.call('/api/session', h.json('POST', { name: '  Grace  ' }));
    expect(response.status).toBe(201);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^host_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax/);
    const token = cookie.split(';')[0]!.split('=')[1]!;
    await h.store.flush();
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(h.store.file, 'utf8')).not.toContain(token);
    const me = await h.call('/api/me', { headers: { cookie: cookie.split(';')[0]! } });
    expect(((await me.json()) as { user: { name: string } }).user.name).toBe('Grace');
  });

  it('sign-up refuses hostile bodies and ignores ids in them', async () => {
    const post = (body: unknown, type = 'application/json') =>
      h.call('/api/session', { method: 'POST', headers: { 'content-type': type }, body: JSON.stringify(body) });
    expect((await post({ name: 'x' }, 'text/plain')).status).toBe(415);
    expect((await h.call('/api/session', h.json('POST', '{"name":'))).status).toBe(400);
    for (const body of [{}, { name: 42 }, { name: '   ' }, { name: 'x'.repeat(61) }, { name: 'a\u0000b' }, null, []]) {
      const response = await post(body);
      expect(response.status).toBe(400);
      expect(await errorCode(response)).toBe('invalid_name');
    }
    expect((await post({ name: 'x', pad: 'y'.repeat(4000) })).status).toBe(413);
    const sneaky = await post({ name: 'Mallory', id: 'hu_admin', dotsUserId: 'user_seeded' });
    const { user } = (await sneaky.json()) as { user: { id: string; dotsUserId: string | null } };
    expect(user.id).not.toBe('hu_admin');
    expect(user.dotsUserId).toBeNull();
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
  it('the Dots user_id comes only from the server-side mapping, never from the body', async () => {
    const { id, cookie } = await h.signUp();
    const injected = { steps: ['compliance'], user_id: 'user_seeded', metadata: { host_user_id: 'hu_victim' } };
    const first = await h.createFlow(cookie, injected);
    expect(first.user_id).toBeNull();
    expect(first.steps).toEqual(['onboarding', 'compliance']);
    expect(first.metadata?.['host_user_id']).toBe(id);

    const onboarded = await h.completeOnboarding(first.id);
    expect((await h.deliverWebhook(first.id)).status).toBe(200);
    expect(h.store.getUser(id)?.dotsUserId).toBe(onboarded.user_id);

    const next = await h.createFlow(cookie, { ...injected, steps: ['payout'] });
    expect(next.user_id).toBe(onboarded.user_id);
    expect(next.user_id).not.toBe('user_seeded');
    expect(next.steps).toEqual(['payout']);
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
    expect(h.store.getUser(id)?.dotsUserId).toMatch(/^user_/);
    const again = await h.call('/api/dots/webhooks', { method: 'POST', headers: genuine.headers, body: genuine.body });
    expect(again.status).toBe(200);
    expect(h.webhookLog.forUser(id)).toHaveLength(1);
  });

  it('a signed webhook about a flow of no host user stores nothing', async () => {
    const before = h.store.dotsUserIds();
    const stray = await h.client.flows.create({ steps: ['payout'], user_id: 'user_seeded' });
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
