import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SandboxError } from './SandboxError.js';
import { startSandbox } from './startSandbox.js';
import type { Sandbox, SandboxOptions } from './startSandbox.js';
import { KNOWN_USER, VALID_FIELDS, completeStepHttp, createFlow, startWebhookReceiver } from './test-support/http.js';
import { isValidSvixSignature } from './test-support/verifySvix.js';
import { SANDBOX_DEFAULTS } from './defaults.js';

const running: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((sandbox) => sandbox.close()));
});
async function start(options: SandboxOptions = {}) {
  const sandbox = await startSandbox({ port: 0, ...options });
  running.push(sandbox);
  return sandbox;
}

describe('startSandbox', () => {
  it('listens on 127.0.0.1 and returns its base URL without a trailing slash, and the API base', async () => {
    const sandbox = await start();
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.apiUrl).toBe(`${sandbox.url}/api`);
    expect((await fetch(`${sandbox.url}/`)).status).toBe(200);
  });

  it('frees its port on close, even with an idle connection open, and close can be called twice', async () => {
    const sandbox = await startSandbox({ port: 0 });
    const port = Number(new URL(sandbox.url).port);
    const socket = connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const socketClosed = new Promise((resolve) => socket.once('close', resolve));
    await Promise.all([sandbox.close(), sandbox.close()]);
    await socketClosed;
    const again = await start({ port });
    expect(again.url).toBe(`http://127.0.0.1:${port}`);
  });

  it('refuses a port in use with a typed error', async () => {
    const first = await start();
    const port = Number(new URL(first.url).port);
    await expect(startSandbox({ port })).rejects.toMatchObject({ name: 'SandboxError', code: 'port_in_use' });
  });

  it.each<[string, SandboxOptions]>([
    ['negative port', { port: -1 }],
    ['port too large', { port: 70000 }],
    ['fractional port', { port: 1.5 }],
    ['client id with a colon', { clientId: 'a:b' }],
    ['empty api key', { apiKey: '' }],
    ['ftp webhook url', { webhookUrl: 'ftp://example.com' }],
    ['secret without whsec_', { webhookSecret: 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' }],
    ['empty user id', { users: [''] }],
    ['user id that is not a UUID', { users: ['user_known'] }],
    ['users that are not a list', { users: 'a' as unknown as string[] }],
    ['negative ttl', { flowTtlMs: -1 }],
    ['infinite retry delay', { webhookRetryDelaysMs: [Infinity] }],
  ])('rejects a %s', async (_name, options) => {
    const error: unknown = await startSandbox(options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SandboxError);
    expect(error).toMatchObject({ code: 'invalid_option' });
  });

  it('names the bad user id and says ids are UUIDs', async () => {
    await expect(startSandbox({ users: [KNOWN_USER, 'dots_user_1'] })).rejects.toThrow(/UUID.*"dots_user_1"/);
  });

  it('accepts custom credentials and refuses the defaults then', async () => {
    const sandbox = await start({ clientId: 'me', apiKey: 'secret' });
    const post = (auth: string) =>
      fetch(`${sandbox.url}/api/v2/flows`, {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from(auth).toString('base64')}`, 'content-type': 'application/json' },
        body: JSON.stringify({ steps: ['payout'] }),
      });
    expect((await post('me:secret')).status).toBe(200);
    expect((await post(`${SANDBOX_DEFAULTS.clientId}:${SANDBOX_DEFAULTS.apiKey}`)).status).toBe(401);
  });

  it('sends one signed flow.updated per completed step, retrying when the receiver fails', async () => {
    const receiver = await startWebhookReceiver((index) => (index === 0 ? 500 : 204));
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const sandbox = await start({ webhookUrl: receiver.url, webhookSecret: secret, webhookRetryDelaysMs: [20] });
    try {
      const flow = await createFlow(sandbox.url, { steps: ['compliance'] });
      expect((await completeStepHttp(sandbox.url, flow.id, 'onboarding', VALID_FIELDS['onboarding'])).status).toBe(200);
      await expect.poll(() => receiver.received.length).toBe(2);
      // A refused completion completes nothing, so it sends nothing.
      expect((await completeStepHttp(sandbox.url, flow.id, 'compliance', { tin: '' })).status).toBe(400);
      expect((await completeStepHttp(sandbox.url, flow.id, 'compliance', VALID_FIELDS['compliance'])).status).toBe(200);
      await expect.poll(() => receiver.received.length).toBeGreaterThanOrEqual(3);
      await sandbox.close();
      expect(receiver.received).toHaveLength(3);
      const [failed, retried, second] = receiver.received;
      expect(failed!.status).toBe(500);
      expect(retried!.headers['svix-id']).toBe(failed!.headers['svix-id']);
      expect(second!.headers['svix-id']).not.toBe(failed!.headers['svix-id']);
      for (const hook of receiver.received) {
        expect(JSON.parse(hook.body)).toEqual({ event: 'flow.updated', flow_id: flow.id });
        expect(isValidSvixSignature(hook.headers, hook.body, secret)).toBe(true);
      }
    } finally {
      await receiver.close();
    }
  });
});
