import { afterEach, describe, expect, it } from 'vitest';
import { startWebhookReceiver } from './test-support/http.js';
import { isValidSvixSignature } from './test-support/verifySvix.js';
import { createWebhookSender } from './webhookSender.js';
import type { WebhookSender } from './webhookSender.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

function sender(url: string, retryDelaysMs: number[], lines: string[] = []): WebhookSender {
  const webhooks = createWebhookSender({
    url,
    secret: SECRET,
    retryDelaysMs,
    now: Date.now,
    log: (l) => lines.push(l),
  });
  cleanups.push(() => webhooks.close());
  return webhooks;
}

async function receiver(statusFor?: (index: number) => number) {
  const started = await startWebhookReceiver(statusFor);
  cleanups.push(started.close);
  return started;
}

describe('createWebhookSender', () => {
  it('POSTs a flow.updated event signed as Svix signs it', async () => {
    const { url, received } = await receiver();
    const before = Math.floor(Date.now() / 1000);
    sender(url, []).flowUpdated('0b7c3f0e-9a4d-4c41-8a52-2f1f6f0f3b11');
    await expect.poll(() => received.length).toBe(1);
    const [hook] = received;
    expect(JSON.parse(hook!.body)).toEqual({ event: 'flow.updated', flow_id: '0b7c3f0e-9a4d-4c41-8a52-2f1f6f0f3b11' });
    expect(hook!.headers['content-type']).toBe('application/json');
    expect(hook!.headers['svix-id']).toMatch(/^msg_[A-Za-z0-9]{24}$/);
    const timestamp = Number(hook!.headers['svix-timestamp']);
    expect(timestamp).toBeGreaterThanOrEqual(before);
    expect(timestamp).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect(isValidSvixSignature(hook!.headers, hook!.body, SECRET)).toBe(true);
    expect(isValidSvixSignature(hook!.headers, hook!.body.replace('0b7c', '0b7d'), SECRET)).toBe(false);
  });

  it('names the event type in every body, first, whatever event the fields carried (docs/webhooks.yaml)', async () => {
    const { url, received } = await receiver();
    const webhooks = sender(url, []);
    // Valid bodies: the contract harness holds what the sender emits to the schemas too.
    const id = '0b7c3f0e-9a4d-4c41-8a52-2f1f6f0f3b11';
    webhooks.send('user.updated.id_verified', { user_id: id });
    webhooks.send('transfer.updated', { event: 'transfer.failed', transfer_id: id });
    await expect.poll(() => received.length).toBe(2);
    const bodies = received.map((hook) => hook.body).sort();
    expect(bodies).toEqual([
      `{"event":"transfer.updated","transfer_id":"${id}"}`,
      `{"event":"user.updated.id_verified","user_id":"${id}"}`,
    ]);
  });

  it('retries a failing receiver with the same message id until it answers 2xx', async () => {
    const { url, received } = await receiver((index) => (index < 2 ? 500 : 200));
    const lines: string[] = [];
    sender(url, [10, 10, 10], lines).flowUpdated('1b7c3f0e-9a4d-4c41-8a52-2f1f6f0f3b11');
    await expect.poll(() => received.length).toBe(3);
    expect(received.map((hook) => hook.status)).toEqual([500, 500, 200]);
    expect(new Set(received.map((hook) => hook.headers['svix-id'])).size).toBe(1);
    for (const hook of received) expect(isValidSvixSignature(hook.headers, hook.body, SECRET)).toBe(true);
    await expect.poll(() => lines.some((line) => line.includes('delivered'))).toBe(true);
    expect(lines.filter((line) => line.includes('retrying'))).toHaveLength(2);
  });

  it('gives up after the last retry and survives an unreachable receiver', async () => {
    const { url, close } = await receiver();
    await close();
    const lines: string[] = [];
    sender(url, [5, 5], lines).flowUpdated('2b7c3f0e-9a4d-4c41-8a52-2f1f6f0f3b11');
    await expect.poll(() => lines.at(-1) ?? '').toMatch(/giving up after 3 attempts/);
  });

  it('sends nothing more once closed, even with a retry pending', async () => {
    const { url, received } = await receiver(() => 503);
    const webhooks = sender(url, [150]);
    webhooks.flowUpdated('3b7c3f0e-9a4d-4c41-8a52-2f1f6f0f3b11');
    await expect.poll(() => received.length).toBe(1);
    await webhooks.close();
    webhooks.flowUpdated('4b7c3f0e-9a4d-4c41-8a52-2f1f6f0f3b11');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received).toHaveLength(1);
  });
});
