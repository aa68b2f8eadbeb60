import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseWebhookEvent } from './parseWebhookEvent.js';
import { DOTS_WEBHOOK_EVENT_TYPES } from './webhookEvents.js';
import type { DotsWebhookEventType } from './webhookEvents.js';
import { WebhookVerificationError } from './WebhookVerificationError.js';

// Bodies shaped as docs/references/webhooks.mdx (Send-Dots/dots-docs-v2) shows them, with our own values.
const id = () => randomUUID();
const transfer = (status: string, transferId = id()) => ({
  transfer: { id: transferId, status, amount: -1000, type: 'balance', user_id: id(), transactions: [] },
  transfer_id: transferId,
});
const payoutLink = (extra: Record<string, unknown> = {}) => ({
  id: id(),
  created: '2026-11-07T05:31:56Z',
  link: 'https://my-sandbox.dots.dev/flow/x',
  amount: 2500,
  status: 'claimed',
  claimed_user_id: id(),
  flow_id: id(),
  ...extra,
});

const parse = (payload: Record<string, unknown>, eventTypes?: readonly DotsWebhookEventType[]) =>
  parseWebhookEvent({ id: 'msg_1', timestamp: 1, payload }, eventTypes ? { eventTypes } : {});

function refusal(payload: Record<string, unknown>, eventTypes?: readonly DotsWebhookEventType[]): string {
  try {
    parse(payload, eventTypes);
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect((error as WebhookVerificationError).code).toBe('invalid_payload');
    return (error as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(payload)}`);
}

describe('parseWebhookEvent', () => {
  it('places each documented body by its event field or, without one, by its fields', () => {
    const cases: [Record<string, unknown>, DotsWebhookEventType][] = [
      [{ app_id: id() }, 'app.updated'],
      [{ event: 'flow.transaction_updated', flow_id: id() }, 'flow.transaction_updated'],
      [{ event: 'flow.updated', flow_id: id() }, 'flow.updated'],
      [{ payment_intent_id: id() }, 'payment_intent.updated'],
      [{ event: 'payout_link.updated', api_app_id: id(), ...payoutLink({ transfer_id: id() }) }, 'payout_link.updated'],
      [{ event: 'payout_request.updated', payout_request_id: id() }, 'payout_request.updated'],
      [{ payout_request_id: id() }, 'payout_request.updated'],
      [{ refund_id: id() }, 'refund.updated'],
      [transfer('completed'), 'transfer.completed'],
      [transfer('failed'), 'transfer.failed'],
      [{ event: 'transfer.updated', transfer_id: id() }, 'transfer.updated'],
      [{ transfer_id: id() }, 'transfer.updated'],
      [{ old_user_id: id(), new_user_id: id() }, 'user.updated.user_merged'],
    ];
    for (const [payload, type] of cases) {
      expect(parse(payload)).toMatchObject({ known: true, type, id: 'msg_1', timestamp: 1, payload });
    }
  });

  it('leaves bodies that fit several types unplaced, unless the endpoint subscribes to one of them', () => {
    const link = payoutLink();
    expect(parse(link)).toMatchObject({
      known: false,
      type: undefined,
      candidates: ['payout_link.claimed', 'payout_link.paid_out', 'payout_link.sent'],
    });
    expect(parse(link, ['payout_link.paid_out', 'transfer.completed'])).toMatchObject({
      known: true,
      type: 'payout_link.paid_out',
    });
    const user = { user_id: id() };
    expect(parse(user)).toMatchObject({
      known: false,
      candidates: expect.arrayContaining(['user.updated.payout_method']),
    });
    expect(parse(user, ['user.updated.background_check'])).toMatchObject({ type: 'user.updated.background_check' });
    // The user events of webhooks.yaml (the ones the sandbox sends) are placed the same way.
    for (const type of [
      'user.updated',
      'user.updated.id_verified',
      'user.updated.default_payout_method_changed',
    ] as const) {
      expect(parse(user, [type, 'flow.updated'])).toMatchObject({ known: true, type, payload: user });
    }
    // Subscribed to two that fit: still unplaced, never guessed.
    expect(parse(user, ['user.updated.background_check', 'user.updated.ide_verified']).known).toBe(false);
    // Subscribed to none that fit: the body's own candidates are kept.
    expect(parse({ flow_id: id() }, ['transfer.failed'])).toMatchObject({
      known: false,
      candidates: ['flow.updated', 'flow.transaction_updated'],
    });
    // A transfer in a status none of them names fits each of them.
    expect(parse(transfer('pending')).known).toBe(false);
    expect(parse(transfer('pending'), ['transfer.failed'])).toMatchObject({ type: 'transfer.failed' });
  });

  it('passes unknown event names and shapeless bodies through as unrecognized', () => {
    expect(parse({ event: 'invoice.paid', invoice_id: 'x' })).toMatchObject({
      known: false,
      type: 'invoice.paid',
      candidates: [],
    });
    for (const payload of [{}, { other: 1 }, { event: 42 }, { event: 'toString' }, { event: '__proto__' }]) {
      expect(parse(payload).known).toBe(false);
    }
    const polluted = JSON.parse('{"__proto__": {"event": "flow.updated", "flow_id": "f1"}}') as Record<string, unknown>;
    expect(parse(polluted).known).toBe(false);
  });

  it('refuses a known type whose body lacks what Dots documents, naming the field', () => {
    expect(refusal({ event: 'flow.updated' })).toMatch(/flow\.updated.*"flow_id"/);
    expect(refusal({ event: 'flow.updated', flow_id: '../admin' })).toMatch(/"flow_id"/);
    expect(refusal({ event: 'flow.updated', flow_id: 'x'.repeat(129) })).toMatch(/"flow_id"/);
    expect(refusal({ event: 'transfer.updated', transfer_id: 7 })).toMatch(/"transfer_id"/);
    expect(refusal({ event: 'transfer.completed', transfer_id: id() })).toMatch(/"transfer"/);
    const mismatched = { ...transfer('completed'), transfer_id: id() };
    expect(refusal(mismatched)).toMatch(/"transfer\.id" different/);
    expect(refusal({ transfer: { id: 'a b', status: 'completed' }, transfer_id: 'a b' })).toMatch(/transfer_id/);
    expect(refusal({ transfer: ['completed'], transfer_id: id(), event: 'transfer.failed' })).toMatch(/"transfer"/);
    const noStatus = transfer('completed');
    expect(refusal({ ...noStatus, event: 'transfer.completed', transfer: { id: noStatus.transfer_id } })).toMatch(
      /"transfer\.status"/,
    );
    expect(refusal({ event: 'payout_link.updated', id: id(), amount: '25', status: 'sent' })).toMatch(/"amount"/);
    expect(refusal({ event: 'payout_link.updated', id: id(), amount: NaN, status: 'sent' })).toMatch(/"amount"/);
    expect(refusal({ event: 'payout_link.updated', id: id(), amount: 1, status: null })).toMatch(/"status"/);
    expect(refusal(payoutLink({ flow_id: 'javascript:alert(1)' }), ['payout_link.sent'])).toMatch(/"flow_id"/);
    expect(refusal({ user_id: { $gt: '' } }, ['user.updated.payout_method'])).toMatch(/"user_id"/);
    expect(refusal({ old_user_id: id(), new_user_id: null })).toMatch(/"new_user_id"/);
    expect(refusal({ app_id: '' })).toMatch(/"app_id"/);
  });

  it('knows every documented type, each once', () => {
    expect(new Set(DOTS_WEBHOOK_EVENT_TYPES).size).toBe(DOTS_WEBHOOK_EVENT_TYPES.length);
    // webhooks.yaml's 25 plus webhooks.mdx's flow.transaction_updated, refund.updated, user.updated.ide_verified.
    expect(DOTS_WEBHOOK_EVENT_TYPES).toHaveLength(28);
    for (const type of DOTS_WEBHOOK_EVENT_TYPES) {
      // Named in `event`, with nothing else, only organization.updated (documented with no field) is accepted.
      const parsed = () => parse({ event: type });
      if (type === 'organization.updated') expect(parsed()).toMatchObject({ known: true, type });
      else expect(parsed).toThrow(WebhookVerificationError);
    }
  });
});
