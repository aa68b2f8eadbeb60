import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createDotsClient } from './createDotsClient.js';
import { createWebhookHandler } from './createWebhookHandler.js';
import { signTestWebhook } from './signTestWebhook.js';
import type { DotsWebhookEvent } from './webhookEvents.js';

// Bodies as docs/webhooks.yaml (Send-Dots/dots-docs-v2) describes them: each may name its type in `event`.
const SECRET = 'whsec_' + Buffer.alloc(24, 9).toString('base64');
const client = createDotsClient({
  clientId: 'c',
  apiKey: 'k',
  baseUrl: 'http://127.0.0.1:9',
  fetch: () => Promise.reject(new Error('no call expected')),
});

async function post(payload: unknown) {
  const { body, headers } = await signTestWebhook(payload, SECRET, { id: `msg_${randomUUID()}` });
  return new Request('http://app.test/webhooks', { method: 'POST', headers, body });
}

function recorder() {
  const calls: string[] = [];
  const events: DotsWebhookEvent[] = [];
  const handler = createWebhookHandler({
    secret: SECRET,
    client,
    onEvent: (event) => void events.push(event),
    onTransferCompleted: (event) => void calls.push(`completed ${event.payload.transfer_id}`),
    onTransferFlagged: (event) => void calls.push(`flagged ${event.payload.transfer.status}`),
    onPayoutLinkClaimed: (event) => void calls.push(`claimed ${event.payload.id}`),
    onPayoutLinkSent: (event) => void calls.push(`sent ${event.payload.id}`),
    onPayoutLinkFailed: (event) => void calls.push(`link failed ${event.payload.funding_transfer_id}`),
    onError: () => {},
  });
  return { handler, calls, events, kinds: () => events.map((e) => (e.known ? e.type : `? ${String(e.type)}`)) };
}

const transferBody = (status: string) => {
  const id = randomUUID();
  return { transfer: { id, status, amount: -2500, type: 'balance', user_id: randomUUID() }, transfer_id: id };
};
const linkBody = (status: string) => ({ id: randomUUID(), link: 'https://x.test/flow/1', amount: 2500, status });

describe('createWebhookHandler: the event field', () => {
  it('dispatches by a documented event, with no eventTypes, where the fields alone fit several types', async () => {
    const { handler, calls, kinds } = recorder();
    const sent = linkBody('sent');
    const claimed = linkBody('claimed');
    for (const body of [
      { ...sent, event: 'payout_link.sent', api_app_id: null },
      { ...claimed, event: 'payout_link.claimed' },
      { event: 'user.updated.user_merged', user_id: 'u2', old_user_id: 'u1', new_user_id: 'u2' },
      { event: 'user.updated.manual_debit', user_id: 'u1', transfer_id: 't1' },
    ]) {
      expect((await handler(await post(body))).status).toBe(200);
    }
    expect(calls).toEqual([`sent ${sent.id}`, `claimed ${claimed.id}`]);
    expect(kinds()).toEqual([
      'payout_link.sent',
      'payout_link.claimed',
      'user.updated.user_merged',
      'user.updated.manual_debit',
    ]);
  });

  it('hands transfer.flagged and payout_link.failed to their handlers, named or by their fields', async () => {
    const { handler, calls } = recorder();
    const flagged = transferBody('flagged');
    const failure = { payout_link: linkBody('sent'), funding_transfer_id: 'ft_1', amount: 2500, status: 'failed' };
    for (const body of [flagged, { ...flagged, event: 'transfer.flagged' }, failure]) {
      expect((await handler(await post(body))).status).toBe(200);
    }
    expect(calls).toEqual(['flagged flagged', 'flagged flagged', 'link failed ft_1']);
  });

  it('answers 400 when the event names a type the fields do not fit, and runs no handler', async () => {
    const { handler, calls, events } = recorder();
    const mismatched = [
      { event: 'transfer.completed', user_id: 'u1' },
      { event: 'payout_link.sent', ...transferBody('completed') },
      { event: 'payout_link.failed', ...linkBody('sent') },
      { event: 'transfer.flagged', transfer_id: 't1' },
      { event: 'payout_link.claimed', ...linkBody('claimed'), api_app_id: 12 },
    ];
    for (const body of mismatched) {
      const response = await handler(await post(body));
      expect([body.event, response.status]).toEqual([body.event, 400]);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_payload');
    }
    expect(calls).toEqual([]);
    expect(events).toEqual([]);
  });

  it('trusts no hostile event: unknown names reach onEvent unplaced, non-strings leave the fields to decide', async () => {
    const { handler, calls, kinds } = recorder();
    const done = transferBody('completed');
    const bodies = [
      JSON.parse(JSON.stringify({ ...done, event: '__proto__' })) as unknown,
      { ...done, event: 'constructor' },
      { ...done, event: 42 },
      { ...linkBody('sent'), event: { valueOf: 'payout_link.sent' } },
    ];
    for (const body of bodies) expect((await handler(await post(body))).status).toBe(200);
    // Only the event: 42 body is placed (by its transfer fields); the link fits three types and stays unplaced.
    expect(calls).toEqual([`completed ${done.transfer_id}`]);
    expect(kinds()).toEqual(['? __proto__', '? constructor', 'transfer.completed', '? undefined']);
  });
});
