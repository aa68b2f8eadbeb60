import { createHmac } from 'node:crypto';
import { expect, it } from 'vitest';
import { signTestWebhook } from './signTestWebhook.js';
import { verifyWebhook } from './verifyWebhook.js';
import {
  SECRET,
  ID,
  TIMESTAMP,
  BODY,
  SIGNATURE,
  NOW,
  OTHER_SECRET,
  headers,
  rejection,
  verify,
} from './testing/svixExample.js';
import { describeOnBothHmacPaths } from './testing/hmacPaths.js';

describeOnBothHmacPaths('verifyWebhook: rejects', () => {
  it('missing or incomplete headers', async () => {
    expect(await rejection(verify(BODY, {}))).toBe('missing_headers');
    expect(await rejection(verify(BODY, new Headers()))).toBe('missing_headers');
    for (const name of ['svix-id', 'svix-timestamp', 'svix-signature']) {
      expect(await rejection(verify(BODY, headers({ [name]: undefined })))).toBe('missing_headers');
    }
    // Sets are never mixed: an svix id with webhook-* signature is incomplete.
    const mixed = { 'svix-id': ID, 'webhook-timestamp': TIMESTAMP, 'webhook-signature': SIGNATURE };
    expect(await rejection(verify(BODY, mixed))).toBe('missing_headers');
    expect(await rejection(verify(BODY, null as unknown as Headers))).toBe('missing_headers');
  });

  it('duplicated, empty, too long or odd headers', async () => {
    expect(await rejection(verify(BODY, { ...headers(), 'Svix-Id': 'msg_other' }))).toBe('invalid_headers');
    expect(await rejection(verify(BODY, headers({ 'svix-id': '' })))).toBe('invalid_headers');
    expect(await rejection(verify(BODY, headers({ 'svix-id': 'msg id' })))).toBe('invalid_headers');
    expect(await rejection(verify(BODY, { ...headers(), 'svix-id': [ID, ID] as unknown as string }))).toBe(
      'invalid_headers',
    );
    expect(await rejection(verify(BODY, headers({ 'svix-signature': `${SIGNATURE} `.repeat(500) })))).toBe(
      'invalid_headers',
    );
  });

  it('timestamps that are not digits only', async () => {
    for (const timestamp of [
      '',
      '-1614265330',
      '1614265330.0',
      '1614265330.5',
      '1.61e9',
      ' 1614265330',
      '1614265330 ',
      '0x603',
      '1614265330abc',
      '+1614265330',
      '１６１４２６５３３０',
      'NaN',
      'Infinity',
      '9'.repeat(20),
    ]) {
      expect(await rejection(verify(BODY, headers({ 'svix-timestamp': timestamp })))).toBe('invalid_timestamp');
    }
  });

  it('timestamps outside the tolerance, both ways', async () => {
    const at = (offset: number) => new Date((Number(TIMESTAMP) + offset) * 1000);
    expect(await rejection(verifyWebhook(BODY, headers(), SECRET, { now: at(301) }))).toBe('timestamp_too_old');
    expect(await rejection(verifyWebhook(BODY, headers(), SECRET, { now: at(-301) }))).toBe('timestamp_too_new');
    expect(await rejection(verifyWebhook(BODY, headers(), SECRET, { now: at(11), toleranceSeconds: 10 }))).toBe(
      'timestamp_too_old',
    );
    // Without `now`, the real clock is used: 2021 is far too old.
    expect(await rejection(verifyWebhook(BODY, headers(), SECRET))).toBe('timestamp_too_old');
  });

  it('a timestamp re-spelled with a leading zero (the signed content changes)', async () => {
    expect(await rejection(verify(BODY, headers({ 'svix-timestamp': `0${TIMESTAMP}` })))).toBe('invalid_signature');
  });

  it('other versions, empty lists and malformed entries', async () => {
    const sig = SIGNATURE.slice(3);
    for (const signature of [
      '',
      ' ',
      `v2,${sig}`,
      `V1,${sig}`,
      `v1a,${sig}`,
      `v1=${sig}`,
      `v1 ${sig}`,
      sig,
      `,${sig}`,
      `v1,${sig},extra`,
      `v1,,${sig}`,
      `v1,${sig}\n`,
      `\tv1,${sig}`,
      ` v1,${sig}`,
      `v1,${sig} `,
      `v2,x  v1,${sig}`,
    ]) {
      expect(await rejection(verify(BODY, headers({ 'svix-signature': signature })))).toBe('invalid_signature');
    }
  });

  it('truncated, padded or re-encoded signatures', async () => {
    const sig = SIGNATURE.slice(3);
    const bytes = Buffer.from(sig, 'base64');
    const variants = [
      sig.slice(0, -1), // padding dropped
      sig.slice(0, -2) + '=', // truncated
      sig.slice(0, 20),
      sig + '=', // over-padded
      sig + 'AA==',
      bytes.toString('base64url'), // URL-safe alphabet, no padding
      bytes.toString('hex'),
      sig.slice(0, 42) + String.fromCharCode(sig.charCodeAt(42) + 1) + '=', // same bytes in a lenient decoder
      Buffer.concat([bytes, Buffer.from([0])]).toString('base64'),
      bytes.subarray(0, 31).toString('base64'),
    ];
    for (const variant of variants) {
      expect(variant).not.toBe(sig);
      expect(await rejection(verify(BODY, headers({ 'svix-signature': `v1,${variant}` })))).toBe('invalid_signature');
    }
  });

  it('modified or re-serialised bodies', async () => {
    for (const body of [
      '{"test":2432232314}',
      '{"test": 2432232315}',
      `${BODY} `,
      ` ${BODY}`,
      `${BODY}\n`,
      '',
      JSON.stringify(JSON.parse(BODY)),
      '\ufeff' + BODY,
    ]) {
      expect(await rejection(verify(body, headers()))).toBe('invalid_signature');
    }
  });

  it('a different id than the one signed', async () => {
    expect(await rejection(verify(BODY, headers({ 'svix-id': `${ID}x` })))).toBe('invalid_signature');
  });

  it('a wrong secret', async () => {
    expect(await rejection(verify(BODY, headers(), OTHER_SECRET))).toBe('invalid_signature');
  });

  it('empty, non-whsec and malformed secrets', async () => {
    const bad = [
      '',
      'whsec_',
      'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      'WHSEC_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw!',
      'whsec_ MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      'whsec_YQ==',
      'whsec_A',
      'whsec_' + Buffer.alloc(300).toString('base64'),
      undefined,
      null,
      42,
    ];
    for (const secret of bad) {
      expect(await rejection(verifyWebhook(BODY, headers(), secret as string, { now: NOW }))).toBe('invalid_secret');
    }
  });

  it('bodies that were parsed instead of passed raw', async () => {
    for (const body of [JSON.parse(BODY), null, undefined, 42, [BODY]]) {
      expect(await rejection(verify(body as string, headers()))).toBe('invalid_payload');
    }
  });

  it('signed bodies that are not a UTF-8 JSON object', async () => {
    const secret = OTHER_SECRET;
    const now = new Date();
    for (const payload of ['not json', '[1,2]', 'null', '"text"', '42', '']) {
      const signed = await signTestWebhook(payload, secret, { timestamp: now });
      expect(await rejection(verifyWebhook(signed.body, signed.headers, secret, { now }))).toBe('invalid_payload');
    }
    // Bytes that are not UTF-8, signed as bytes by an independent HMAC (node:crypto).
    const bytes = Buffer.from([0x7b, 0xff, 0x7d]);
    const timestamp = String(Math.floor(now.getTime() / 1000));
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const mac = createHmac('sha256', key).update(`msg_1.${timestamp}.`).update(bytes).digest('base64');
    const raw = { 'svix-id': 'msg_1', 'svix-timestamp': timestamp, 'svix-signature': `v1,${mac}` };
    expect(await rejection(verifyWebhook(bytes, raw, secret, { now }))).toBe('invalid_payload');
  });

  it('unusable options', async () => {
    for (const options of [
      { now: new Date('nope') },
      { now: 1614265330000 },
      { toleranceSeconds: -1 },
      { toleranceSeconds: Number.NaN },
      { toleranceSeconds: '300' },
    ]) {
      expect(await rejection(verifyWebhook(BODY, headers(), SECRET, options as never))).toBe('invalid_options');
    }
  });

  it('keeps prototype keys of a verified payload as plain data', async () => {
    const now = new Date();
    const signed = await signTestWebhook('{"__proto__":{"polluted":true},"event":"x"}', OTHER_SECRET, {
      timestamp: now,
    });
    const payload = await verifyWebhook(signed.body, signed.headers, OTHER_SECRET, { now });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.hasOwn(payload, '__proto__')).toBe(true);
  });
});
