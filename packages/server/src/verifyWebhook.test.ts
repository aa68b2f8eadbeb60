import { expect, it } from 'vitest';
import { signTestWebhook } from './signTestWebhook.js';
import { verifyWebhook } from './verifyWebhook.js';
import { SECRET, ID, TIMESTAMP, BODY, SIGNATURE, OTHER_SECRET, headers, verify } from './testing/svixExample.js';
import { describeOnBothHmacPaths } from './testing/hmacPaths.js';

describeOnBothHmacPaths('verifyWebhook: accepts', () => {
  it("verifies Svix's published example and returns the parsed payload", async () => {
    await expect(verify(BODY, headers())).resolves.toEqual({ test: 2432232314 });
  });

  it('accepts the body as a string, Buffer, Uint8Array and ArrayBuffer', async () => {
    const bytes = new TextEncoder().encode(BODY);
    for (const body of [BODY, Buffer.from(BODY), bytes, bytes.slice().buffer]) {
      await expect(verify(body, headers())).resolves.toEqual({ test: 2432232314 });
    }
  });

  it('accepts Fetch Headers, any letter case, and the webhook-* names', async () => {
    await expect(verify(BODY, new Headers(headers()))).resolves.toBeTruthy();
    const upper = { 'Svix-Id': ID, 'SVIX-TIMESTAMP': TIMESTAMP, 'Svix-Signature': SIGNATURE };
    await expect(verify(BODY, upper)).resolves.toBeTruthy();
    const standard = { 'webhook-id': ID, 'webhook-timestamp': TIMESTAMP, 'webhook-signature': SIGNATURE };
    await expect(verify(BODY, standard)).resolves.toBeTruthy();
    await expect(verify(BODY, new Headers(standard))).resolves.toBeTruthy();
    await expect(verify(BODY, { ...headers(), 'svix-id': [ID] as unknown as string })).resolves.toBeTruthy();
  });

  it('accepts any matching v1 entry of a space-separated list', async () => {
    const list = `v1,${'A'.repeat(43)}= v2,whatever ${SIGNATURE} v1a,${SIGNATURE.slice(3)}`;
    await expect(verify(BODY, headers({ 'svix-signature': list }))).resolves.toBeTruthy();
    await expect(
      verify(BODY, headers({ 'svix-signature': `${SIGNATURE} v1,${'B'.repeat(43)}=` })),
    ).resolves.toBeTruthy();
  });

  it('accepts timestamps up to the tolerance either way, and a custom tolerance', async () => {
    const at = (offset: number) => new Date((Number(TIMESTAMP) + offset) * 1000);
    await expect(verifyWebhook(BODY, headers(), SECRET, { now: at(300) })).resolves.toBeTruthy();
    await expect(verifyWebhook(BODY, headers(), SECRET, { now: at(-300) })).resolves.toBeTruthy();
    await expect(
      verifyWebhook(BODY, headers(), SECRET, { now: at(3600), toleranceSeconds: 3600 }),
    ).resolves.toBeTruthy();
  });

  it('verifies what signTestWebhook signs, with the current clock by default', async () => {
    const signed = await signTestWebhook({ event: 'flow.updated', flow_id: 'f1' }, OTHER_SECRET);
    await expect(verifyWebhook(signed.body, signed.headers, OTHER_SECRET)).resolves.toEqual({
      event: 'flow.updated',
      flow_id: 'f1',
    });
  });
});
