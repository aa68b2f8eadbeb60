import { createHmac, randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { signTestWebhook } from './signTestWebhook.js';
import { HMAC_PATHS, selectHmacPath, type HmacPath } from './testing/hmacPaths.js';
import { verifyWebhook } from './verifyWebhook.js';
import type { WebhookHeaders } from './readWebhookHeaders.js';
import { webhookKeys } from './webhookKeyCache.js';
import { WebhookVerificationError } from './WebhookVerificationError.js';

const NOW = new Date('2026-06-01T12:00:00Z');
const NOW_SECONDS = Math.floor(NOW.getTime() / 1000);

/** A plain node:crypto signer: the reference both paths must agree with. */
function referenceSignature(secret: string, id: string, timestamp: string, body: Uint8Array): string {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest('base64')}`;
}

/** The payload, or the error code: what a caller can observe of one verification. */
async function outcome(body: string | Uint8Array, headers: WebhookHeaders, secret: string, path: HmacPath) {
  selectHmacPath(path);
  try {
    return { payload: await verifyWebhook(body, headers, secret, { now: NOW }) };
  } catch (error) {
    if (!(error instanceof WebhookVerificationError)) throw error;
    return { code: error.code, message: error.message };
  }
}

/** Both paths' outcomes, which must be equal; returns the one outcome. */
async function onBothPaths(body: string | Uint8Array, headers: WebhookHeaders, secret: string) {
  const outcomes = [];
  for (const path of HMAC_PATHS) outcomes.push(await outcome(body, headers, secret, path));
  expect(outcomes[0]).toEqual(outcomes[1]);
  return outcomes[0]!;
}

function randomCase(index: number) {
  const secret = `whsec_${randomBytes(16 + (index % 48)).toString('base64')}`;
  const id = `msg_${randomBytes(1 + (index % 20)).toString('hex')}`;
  const timestamp = String(NOW_SECONDS - 300 + (index % 601));
  const payload = { n: index, text: randomBytes(index % 200).toString('latin1'), nested: { ok: index % 2 === 0 } };
  return { secret, id, timestamp, payload };
}

afterAll(() => selectHmacPath('node:crypto'));

describe('verifyWebhook gives the same answers with node:crypto and with WebCrypto', () => {
  it('really takes each path (controls: node:crypto keys on Node unless WebCrypto is forced)', async () => {
    const secret = randomCase(0).secret;
    selectHmacPath('node:crypto');
    expect((await webhookKeys.key(secret)).kind).toBe('node');
    selectHmacPath('WebCrypto');
    expect((await webhookKeys.key(secret)).kind).toBe('webcrypto');
  });

  it('accepts 150 random messages signed by signTestWebhook (WebCrypto) and by a plain node:crypto signer', async () => {
    for (let index = 0; index < 150; index += 1) {
      const { secret, id, timestamp, payload } = randomCase(index);
      const signed = await signTestWebhook(payload, secret, { id, timestamp: Number(timestamp) });
      const reference = referenceSignature(secret, id, timestamp, new TextEncoder().encode(signed.body));
      expect(signed.headers['svix-signature']).toBe(reference);
      expect(await onBothPaths(signed.body, signed.headers, secret)).toEqual({ payload });
      // As bytes, among wrong signatures, and with a rotated-out secret's signature first.
      const other = referenceSignature(`whsec_${randomBytes(32).toString('base64')}`, id, timestamp, Buffer.from('x'));
      const listed = { ...signed.headers, 'svix-signature': `${other} v2,whatever ${reference}` };
      expect(await onBothPaths(Buffer.from(signed.body), listed, secret)).toEqual({ payload });
    }
  });

  it('refuses tampered bodies, signatures, ids, timestamps and secrets with the same code and message', async () => {
    for (let index = 0; index < 150; index += 1) {
      const { secret, id, timestamp, payload } = randomCase(index);
      const signed = await signTestWebhook(payload, secret, { id, timestamp: Number(timestamp) });
      const signature = signed.headers['svix-signature'];
      const bytes = Buffer.from(signed.body);
      bytes[index % bytes.length]! ^= 1 + (index % 255);
      const flipped = Buffer.from(signature.slice(3), 'base64');
      flipped[index % 32]! ^= 1;
      const wrongSecret = `whsec_${randomBytes(24).toString('base64')}`;
      const cases: [string | Uint8Array, WebhookHeaders, string, string][] = [
        [bytes, signed.headers, secret, 'invalid_signature'],
        [
          signed.body,
          { ...signed.headers, 'svix-signature': `v1,${flipped.toString('base64')}` },
          secret,
          'invalid_signature',
        ],
        [signed.body, { ...signed.headers, 'svix-id': `${id}x` }, secret, 'invalid_signature'],
        [signed.body, { ...signed.headers, 'svix-timestamp': `0${timestamp}` }, secret, 'invalid_signature'],
        [signed.body, signed.headers, wrongSecret, 'invalid_signature'],
        [signed.body, { ...signed.headers, 'svix-timestamp': String(NOW_SECONDS - 301) }, secret, 'timestamp_too_old'],
        [signed.body, signed.headers, `${secret}!`, 'invalid_secret'],
      ];
      for (const [body, headers, key, code] of cases) {
        expect(await onBothPaths(body, headers, key)).toMatchObject({ code });
      }
    }
  });
});
