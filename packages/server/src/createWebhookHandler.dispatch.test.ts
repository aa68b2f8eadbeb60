import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createDotsClient } from './createDotsClient.js';
import { createMemoryDedupe } from './createMemoryDedupe.js';
import type { WebhookDedupe } from './createMemoryDedupe.js';
import { createWebhookHandler } from './createWebhookHandler.js';
import type { WebhookHandlerOptions } from './createWebhookHandler.js';
import { signTestWebhook } from './signTestWebhook.js';
import type { DotsWebhookEvent } from './webhookEvents.js';

const SECRET = 'whsec_' + Buffer.alloc(24, 5).toString('base64');
// Nothing here reads state back: a client whose every call would fail proves it is not called.
const client = createDotsClient({
  clientId: 'c',
  apiKey: 'k',
  baseUrl: 'http://127.0.0.1:9',
  fetch: () => Promise.reject(new Error('no call expected')),
});

async function post(payload: unknown, id = `msg_${randomUUID()}`) {
  const { body, headers } = await signTestWebhook(payload, SECRET, { id });
  return new Request('http://app.test/webhooks', { method: 'POST', headers, body });
}

function recorder(options: Partial<WebhookHandlerOptions<typeof client>> = {}) {
  const calls: string[] = [];
  const events: DotsWebhookEvent[] = [];
  const errors: unknown[] = [];
  const handler = createWebhookHandler({
    secret: SECRET,
    client,
    onEvent: (event, context) => {
      expect(context.client).toBe(client);
      events.push(event);
    },
    onTransferCompleted: (event) =>
      void calls.push(`completed ${event.payload.transfer.status} ${event.payload.transfer_id}`),
    onTransferFailed: (event) => void calls.push(`failed ${event.payload.transfer_id}`),
    onTransferUpdated: (event) => void calls.push(`updated ${event.payload.transfer_id}`),
    onPayoutLinkClaimed: (event) => void calls.push(`claimed ${event.payload.claimed_user_id}`),
    onPayoutLinkPaidOut: (event) => void calls.push(`paid_out ${event.payload.amount}`),
    onPayoutLinkSent: (event) => void calls.push(`sent ${event.payload.id}`),
    onPayoutLinkUpdated: (event) => void calls.push(`link updated ${event.payload.status}`),
    onError: (error) => void errors.push(error),
    ...options,
  });
  return { handler, calls, events, errors };
}

const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { code: string; message: string } }).error;

const transferBody = (status: string) => {
  const id = randomUUID();
  return { transfer: { id, status, amount: -2500, type: 'balance', user_id: randomUUID() }, transfer_id: id };
};

describe('createWebhookHandler: dispatch by event type', () => {
  it('hands each transfer and payout-link event to its own handler, and every event to onEvent first', async () => {
    const { handler, calls, events } = recorder({ eventTypes: ['payout_link.claimed'] });
    const done = transferBody('completed');
    const failed = transferBody('failed');
    const user = randomUUID();
    const linkId = randomUUID();
    const bodies = [
      done,
      failed,
      { event: 'transfer.updated', transfer_id: done.transfer_id },
      { id: linkId, link: 'https://x.test/flow/1', amount: 2500, status: 'claimed', claimed_user_id: user },
      { event: 'payout_link.updated', id: linkId, amount: 2500, status: 'expired' },
      { event: 'payout_link.paid_out', id: linkId, link: 'l', amount: 1200, status: 'claimed' },
      { event: 'payout_link.sent', id: linkId, link: 'l', amount: 2500, status: 'sent' },
      { user_id: user },
      { event: 'user.updated.payout_method', user_id: user },
      { event: 'invoice.paid' },
    ];
    for (const body of bodies) expect((await handler(await post(body))).status).toBe(200);
    expect(calls).toEqual([
      `completed completed ${done.transfer_id}`,
      `failed ${failed.transfer_id}`,
      `updated ${done.transfer_id}`,
      `claimed ${user}`,
      'link updated expired',
      'paid_out 1200',
      `sent ${linkId}`,
    ]);
    expect(
      events.map((event) => (event.known ? event.type : `? ${event.type} [${event.candidates.join(' ')}]`)),
    ).toEqual([
      'transfer.completed',
      'transfer.failed',
      'transfer.updated',
      'payout_link.claimed',
      'payout_link.updated',
      'payout_link.paid_out',
      'payout_link.sent',
      '? undefined [user.updated user.updated.background_check user.updated.default_payout_method_changed user.updated.id_verified user.updated.ide_verified user.updated.payout_method]',
      'user.updated.payout_method',
      '? invoice.paid []',
    ]);
  });

  it('answers 400 to a malformed body of a known type, runs nothing, and does not mark it processed', async () => {
    const { handler, calls, events } = recorder();
    const broken = { ...transferBody('completed'), transfer_id: 'not the same id' };
    const first = await handler(await post(broken, 'msg_broken'));
    expect(first.status).toBe(400);
    expect(await errorOf(first)).toMatchObject({ code: 'invalid_payload', message: expect.stringMatching(/transfer/) });
    // Not remembered as processed: the same message id, mended, is processed (a fixed sender's redelivery).
    const mended = transferBody('completed');
    expect((await handler(await post(mended, 'msg_broken'))).status).toBe(200);
    expect(calls).toEqual([`completed completed ${mended.transfer_id}`]);
    expect(events).toHaveLength(1);
  });

  it('checks only what a handler takes: an ignored type is acknowledged unchecked, a handled one is refused', async () => {
    let flows = 0;
    const onlyFlows = createWebhookHandler({ secret: SECRET, client, onFlowUpdated: () => void (flows += 1) });
    const bare = { event: 'payout_link.sent' }; // no id, amount or status
    expect((await onlyFlows(await post(bare))).status).toBe(200);
    expect((await onlyFlows(await post({ event: 'transfer.completed', transfer: 1 }))).status).toBe(200);
    expect((await onlyFlows(await post({ event: 'flow.updated', flow_id: '../x' }))).status).toBe(400);
    const sent: string[] = [];
    const linkHandler = createWebhookHandler({
      secret: SECRET,
      client,
      onPayoutLinkSent: (event) => void sent.push(event.payload.id),
    });
    const refused = await linkHandler(await post(bare));
    expect(refused.status).toBe(400);
    expect((await errorOf(refused)).message).toMatch(/payout_link\.sent.*"id"/);
    expect(sent).toEqual([]);
    expect(flows).toBe(0);
  });

  it('survives hostile bodies: never a 5xx, never a handler call, unknown shapes reach onEvent only', async () => {
    const { handler, calls, events, errors } = recorder();
    const hostile: [unknown, number][] = [
      [{ event: 'transfer.completed', transfer: null, transfer_id: null }, 400],
      [{ event: 'payout_link.claimed', id: '<script>', amount: 1, status: 's' }, 400],
      [{ event: 'payout_link.sent', id: randomUUID(), amount: Infinity, status: 's' }, 400],
      [{ event: { toString: 'transfer.completed' } }, 200],
      [{ event: 'constructor', transfer_id: 'x' }, 200],
      [JSON.parse('{"__proto__":{"transfer_id":"x"},"event":"hasOwnProperty"}'), 200],
      [{ transfer: 'completed', transfer_id: randomUUID() }, 200],
      [{ event: 'transfer.updated', transfer_id: 'a'.repeat(10_000) }, 400],
    ];
    for (const [body, status] of hostile) expect((await handler(await post(body))).status).toBe(status);
    for (const raw of ['[1,2]', '"flow.updated"', 'null', '{"event":"transfer.updated",']) {
      // A valid signature over a body that is not a JSON object.
      const request = await post(raw);
      const response = await handler(request);
      expect(response.status).toBe(400);
      expect((await errorOf(response)).code).toBe('invalid_payload');
    }
    expect(calls).toEqual([]);
    expect(events.every((event) => !event.known)).toBe(true);
    expect(events).toHaveLength(4);
    expect(errors).toEqual([]);
  });

  it('processing vs done: a concurrent duplicate gets 409 (Svix retries), a later one 200 duplicate', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let runs = 0;
    const { handler } = recorder({
      onTransferCompleted: async () => {
        runs += 1;
        await gate;
      },
    });
    const body = transferBody('completed');
    const first = handler(await post(body, 'msg_same'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const concurrent = await handler(await post(body, 'msg_same'));
    expect(concurrent.status).toBe(409);
    expect((await errorOf(concurrent)).code).toBe('in_progress');
    release();
    expect((await first).status).toBe(200);
    const later = await handler(await post(body, 'msg_same'));
    expect(await later.json()).toEqual({ received: true, duplicate: true });
    expect(runs).toBe(1);
  });

  it('a failed handler releases the claim, and a crashed one stops blocking once its claim expires', async () => {
    let now = 1_000_000;
    const dedupe = createMemoryDedupe({ processingTtlMs: 60_000, now: () => now });
    let attempts = 0;
    const { handler } = recorder({
      dedupe,
      onTransferFailed: () => {
        attempts += 1;
        if (attempts === 1) throw new Error('database down');
      },
    });
    const body = transferBody('failed');
    expect((await handler(await post(body, 'msg_f'))).status).toBe(500);
    expect((await handler(await post(body, 'msg_f'))).status).toBe(200);
    expect(attempts).toBe(2);
    // A crash: the claim is taken and never completed nor released.
    expect(await dedupe.claim('msg_crash')).toBe('claimed');
    expect((await handler(await post(transferBody('failed'), 'msg_crash'))).status).toBe(409);
    now += 60_001;
    expect((await handler(await post(transferBody('failed'), 'msg_crash'))).status).toBe(200);
    expect(attempts).toBe(3);
  });

  it('a slow delivery failing after its expired claim was taken over does not let a third delivery run', async () => {
    let now = 1_000_000;
    const dedupe = createMemoryDedupe({ processingTtlMs: 60_000, now: () => now });
    const gates: (() => void)[] = [];
    let runs = 0;
    const { handler } = recorder({
      dedupe,
      onTransferFailed: async () => {
        runs += 1;
        const run = runs;
        if (run > 2) return;
        await new Promise<void>((resolve) => gates.push(resolve));
        if (run === 1) throw new Error('database down');
      },
    });
    const started = async (count: number) => {
      while (gates.length < count) await new Promise((resolve) => setTimeout(resolve, 5));
    };
    const body = transferBody('failed');
    const first = handler(await post(body, 'msg_slow'));
    await started(1);
    now += 60_001; // the first claim expired while its handler still runs
    const second = handler(await post(body, 'msg_slow'));
    await started(2);
    gates[0]!();
    expect((await first).status).toBe(500);
    expect((await handler(await post(body, 'msg_slow'))).status).toBe(409);
    gates[1]!();
    expect((await second).status).toBe(200);
    expect(await (await handler(await post(body, 'msg_slow'))).json()).toEqual({ received: true, duplicate: true });
    expect(runs).toBe(2);
  });

  it('answers 503 when the dedupe store fails, and accepts older true/false stores', async () => {
    const broken: WebhookDedupe = { claim: () => Promise.reject(new Error('ECONNREFUSED')), release: () => undefined };
    const { handler, calls, errors } = recorder({ dedupe: broken });
    const response = await handler(await post(transferBody('completed')));
    expect(response.status).toBe(503);
    expect((await errorOf(response)).code).toBe('dedupe_unavailable');
    expect(calls).toEqual([]);
    expect(errors.map(String)).toEqual(['Error: ECONNREFUSED']);

    const seen = new Set<string>();
    const legacy: WebhookDedupe = {
      claim: (id) => !seen.has(id) && Boolean(seen.add(id)),
      release: (id) => void seen.delete(id),
    };
    const old = recorder({ dedupe: legacy });
    const body = transferBody('completed');
    expect((await old.handler(await post(body, 'msg_old'))).status).toBe(200);
    expect(await (await old.handler(await post(body, 'msg_old'))).json()).toEqual({ received: true, duplicate: true });
    expect(old.calls).toHaveLength(1);

    // The store fails after the work is done: the answer stays 200 (a retry would run it again), the failure is told.
    const flaky = recorder({
      dedupe: {
        claim: () => 'claimed',
        complete: () => Promise.reject(new Error('READONLY')),
        release: () => undefined,
      },
    });
    expect((await flaky.handler(await post(transferBody('completed')))).status).toBe(200);
    expect(flaky.calls).toHaveLength(1);
    expect(flaky.errors.map(String)).toEqual(['Error: READONLY']);

    const odd = recorder({ dedupe: { claim: () => 'maybe' as never, release: () => undefined } });
    expect((await odd.handler(await post(body))).status).toBe(503);
  });

  it('refuses unusable options at creation with a message saying what to pass', () => {
    const base = { secret: SECRET, client };
    expect(() => createWebhookHandler(base)).toThrow(/a handler such as onFlowUpdated or onEvent/);
    expect(() => createWebhookHandler({ ...base, onTransferCompleted: 'yes' as never })).toThrow(
      /onTransferCompleted must be a function/,
    );
    expect(() => createWebhookHandler({ ...base, client: null as never, onEvent: () => undefined })).toThrow(TypeError);
    expect(() => createWebhookHandler({ ...base, client: {}, onFlowUpdated: () => undefined })).toThrow(
      /client\.flows\.retrieve/,
    );
    expect(() => createWebhookHandler({ ...base, client: {}, onEvent: () => undefined })).not.toThrow();
    expect(() =>
      createWebhookHandler({ ...base, onEvent: () => undefined, eventTypes: ['transfer.done' as never] }),
    ).toThrow(/eventTypes must list/);
    expect(() =>
      createWebhookHandler({ ...base, onEvent: () => undefined, dedupe: { claim: () => true } as never }),
    ).toThrow(/claim\(id\) and release\(id\)/);
  });
});
