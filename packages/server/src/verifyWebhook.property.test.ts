import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { verifyWebhook } from './verifyWebhook.js';
import { WebhookVerificationError } from './WebhookVerificationError.js';
import { describeOnBothHmacPaths } from './testing/hmacPaths.js';

const SECRET = 'whsec_' + Buffer.alloc(32, 0x5a).toString('base64');
const KEY = Buffer.from(SECRET.slice('whsec_'.length), 'base64');
const NOW = new Date('2025-01-01T00:00:00Z');
const TIMESTAMP = String(Math.floor(NOW.getTime() / 1000));
const ID = 'msg_property';

// An independent signer (node:crypto), so the property does not lean on our own signTestWebhook.
function sign(body: Uint8Array): string {
  const mac = createHmac('sha256', KEY).update(`${ID}.${TIMESTAMP}.`).update(body).digest('base64');
  return `v1,${mac}`;
}

const headers = (signature: string) => ({ 'svix-id': ID, 'svix-timestamp': TIMESTAMP, 'svix-signature': signature });

async function verifies(body: Uint8Array, signature: string): Promise<boolean> {
  try {
    await verifyWebhook(body, headers(signature), SECRET, { now: NOW });
    return true;
  } catch (error) {
    if (!(error instanceof WebhookVerificationError)) throw error;
    return false;
  }
}

const jsonBody = fc
  .dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string(), fc.integer(), fc.boolean()), { maxKeys: 5 })
  .map((value) => new TextEncoder().encode(JSON.stringify(value)));

/** Flip, insert or delete one byte somewhere in `bytes`: always a different byte string. */
const mutation = (bytes: Uint8Array) =>
  fc
    .oneof(
      fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bits: fc.integer({ min: 1, max: 255 }) }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
    )
    .map((change) => {
      const copy = Array.from(bytes);
      if (change.kind === 'insert') copy.splice(change.at % (copy.length + 1), 0, change.byte);
      else if (copy.length === 0) copy.push(0);
      else if (change.kind === 'delete') copy.splice(change.at % copy.length, 1);
      else copy[change.at % copy.length] = (copy[change.at % copy.length] ?? 0) ^ change.bits;
      return Uint8Array.from(copy);
    });

describeOnBothHmacPaths('verifyWebhook properties', () => {
  it('accepts every correctly signed JSON object body', async () => {
    await fc.assert(
      fc.asyncProperty(jsonBody, async (body) => {
        expect(await verifies(body, sign(body))).toBe(true);
      }),
    );
  });

  it('rejects any mutation of the body', async () => {
    await fc.assert(
      fc.asyncProperty(
        jsonBody.chain((body) => fc.tuple(fc.constant(body), mutation(body))),
        async ([body, mutated]) => {
          expect(await verifies(mutated, sign(body))).toBe(false);
        },
      ),
    );
  });

  it('rejects any mutation of the signature header', async () => {
    await fc.assert(
      fc.asyncProperty(
        jsonBody.chain((body) => fc.tuple(fc.constant(body), mutation(new TextEncoder().encode(sign(body))))),
        async ([body, mutatedSignature]) => {
          const signature = new TextDecoder().decode(mutatedSignature);
          fc.pre(signature !== sign(body));
          expect(await verifies(body, signature)).toBe(false);
        },
      ),
    );
  });
});
