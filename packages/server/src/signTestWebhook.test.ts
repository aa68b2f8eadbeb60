import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signTestWebhook } from './signTestWebhook.js';
import { verifyWebhook } from './verifyWebhook.js';
import { WebhookVerificationError } from './WebhookVerificationError.js';

const SVIX = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

afterEach(() => {
  vi.useRealTimers();
});

describe('signTestWebhook', () => {
  it("reproduces Svix's published example exactly", async () => {
    const signed = await signTestWebhook(SVIX.body, SVIX.secret, { id: SVIX.id, timestamp: SVIX.timestamp });
    expect(signed).toEqual({
      body: SVIX.body,
      headers: {
        'content-type': 'application/json',
        'svix-id': SVIX.id,
        'svix-timestamp': String(SVIX.timestamp),
        'svix-signature': SVIX.signature,
      },
    });
  });

  it('serialises non-string payloads, defaults to now and a random msg_ id', async () => {
    const before = Math.floor(Date.now() / 1000);
    const a = await signTestWebhook({ event: 'flow.updated', flow_id: 'f' }, SVIX.secret);
    const b = await signTestWebhook({ event: 'flow.updated', flow_id: 'f' }, SVIX.secret);
    expect(a.body).toBe('{"event":"flow.updated","flow_id":"f"}');
    expect(a.headers['svix-id']).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(a.headers['svix-id']).not.toBe(b.headers['svix-id']);
    expect(Number(a.headers['svix-timestamp'])).toBeGreaterThanOrEqual(before);
    await expect(verifyWebhook(a.body, a.headers, SVIX.secret)).resolves.toEqual({
      event: 'flow.updated',
      flow_id: 'f',
    });
  });

  it('refuses bad secrets, timestamps and payloads', async () => {
    await expect(signTestWebhook({}, 'secret')).rejects.toMatchObject({ code: 'invalid_secret' });
    for (const timestamp of [-1, 1.5, Number.NaN, new Date('x')]) {
      await expect(signTestWebhook({}, SVIX.secret, { timestamp })).rejects.toThrow(TypeError);
    }
    await expect(signTestWebhook(undefined, SVIX.secret)).rejects.toThrow(TypeError);
  });
});

describe('interoperability with the standardwebhooks library', () => {
  it('our signatures verify there, and its signatures verify here', async () => {
    const signed = await signTestWebhook({ event: 'flow.updated', flow_id: 'f' }, SVIX.secret);
    const standard = {
      'webhook-id': signed.headers['svix-id'],
      'webhook-timestamp': signed.headers['svix-timestamp'],
      'webhook-signature': signed.headers['svix-signature'],
    };
    expect(new Webhook(SVIX.secret).verify(signed.body, standard)).toEqual({ event: 'flow.updated', flow_id: 'f' });

    const when = new Date();
    const theirs = new Webhook(SVIX.secret).sign('msg_theirs', when, '{"event":"x"}');
    const headers = {
      'webhook-id': 'msg_theirs',
      'webhook-timestamp': String(Math.floor(when.getTime() / 1000)),
      'webhook-signature': theirs,
    };
    await expect(verifyWebhook('{"event":"x"}', headers, SVIX.secret)).resolves.toEqual({ event: 'x' });
  });

  it('is why we do not use it underneath: it accepts what the rules refuse', async () => {
    vi.useFakeTimers({ now: SVIX.timestamp * 1000, toFake: ['Date'] });
    const sig = SVIX.signature;
    const lax = [
      { 'webhook-timestamp': `${SVIX.timestamp}abc` }, // parseInt reads the leading digits
      { 'webhook-timestamp': `${SVIX.timestamp}.9` },
      { 'webhook-timestamp': `0${SVIX.timestamp}` }, // not the signed spelling
      { 'webhook-signature': `${sig},trailing-junk` }, // only the first two comma parts are read
    ];
    for (const override of lax) {
      const headers = {
        'webhook-id': SVIX.id,
        'webhook-timestamp': String(SVIX.timestamp),
        'webhook-signature': sig,
        ...override,
      };
      expect(new Webhook(SVIX.secret).verify(SVIX.body, headers)).toEqual({ test: 2432232314 });
      const refused = await verifyWebhook(SVIX.body, headers, SVIX.secret, { now: new Date() }).catch((error) => error);
      expect(refused).toBeInstanceOf(WebhookVerificationError);
    }
    // Nor does it read svix-* headers or Fetch Headers, or take a `now` or a tolerance.
    const svixHeaders = { 'svix-id': SVIX.id, 'svix-timestamp': String(SVIX.timestamp), 'svix-signature': sig };
    expect(() => new Webhook(SVIX.secret).verify(SVIX.body, svixHeaders)).toThrow('Missing required headers');
    await expect(verifyWebhook(SVIX.body, svixHeaders, SVIX.secret, { now: new Date() })).resolves.toBeTruthy();
  });
});
