import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseWebhookEvent } from './parseWebhookEvent.js';
import type { DotsWebhookEventType } from './webhookEvents.js';
import { WebhookVerificationError } from './WebhookVerificationError.js';

// Bodies shaped as the `components/schemas/*Webhook` of docs/webhooks.yaml (Send-Dots/dots-docs-v2), our values.
const id = () => randomUUID();
const transfer = (status: string, transferId = id()) => ({
  transfer: { id: transferId, status, amount: -1000, type: 'balance', user_id: id() },
  transfer_id: transferId,
});
const parse = (payload: Record<string, unknown>, eventTypes?: readonly DotsWebhookEventType[]) =>
  parseWebhookEvent({ id: 'msg_1', timestamp: 1, payload }, eventTypes ? { eventTypes } : {});
const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookVerificationError);
    return (error as WebhookVerificationError).code;
  }
  return 'accepted';
};

describe('parseWebhookEvent: the event field of webhooks.yaml', () => {
  it('places a body by the type its event names, where its fields alone fit several', () => {
    const user = id();
    for (const type of ['user.updated', 'user.updated.payout_method', 'user.updated.id_verified'] as const) {
      expect(parse({ event: type, api_app_id: null, user_id: user })).toMatchObject({ known: true, type });
    }
    const link = { id: id(), link: 'https://x.test/flow/1', amount: 2500, status: 'sent', flow_id: id() };
    expect(parse({ ...link, event: 'payout_link.sent' })).toMatchObject({ known: true, type: 'payout_link.sent' });
    // A named type wins over the endpoint's eventTypes, which only narrow bodies without one.
    expect(parse({ event: 'user.updated', user_id: user }, ['user.updated.background_check'])).toMatchObject({
      type: 'user.updated',
    });
    expect(parse({ user_id: user }, ['user.updated.background_check'])).toMatchObject({
      type: 'user.updated.background_check',
    });
  });

  it('refuses a body whose event names a type its fields do not fit', () => {
    expect(codeOf(() => parse({ event: 'transfer.completed', user_id: id() }))).toBe('invalid_payload');
    expect(codeOf(() => parse({ event: 'user.updated.user_merged', user_id: id() }))).toBe('invalid_payload');
    expect(codeOf(() => parse({ event: 'flow.updated', transfer_id: id() }))).toBe('invalid_payload');
    expect(codeOf(() => parse({ event: 'dispute.updated' }))).toBe('invalid_payload');
    // A transfer.failed body named transfer.completed is held to transfer.completed's fields and passes them.
    expect(parse({ ...transfer('failed'), event: 'transfer.completed' })).toMatchObject({ type: 'transfer.completed' });
    expect(codeOf(() => parse({ event: 'app.updated', app_id: id(), api_app_id: 7 }))).toBe('invalid_payload');
    expect(codeOf(() => parse({ event: 'organization.updated', api_app_id: ['x'] }))).toBe('invalid_payload');
  });

  it('never lets a hostile event pick a type: unknown names stay unplaced, non-strings count as absent', () => {
    const user = { user_id: id() };
    for (const event of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'USER.UPDATED', 'user.updated ']) {
      const payload = JSON.parse(JSON.stringify({ ...user, event })) as Record<string, unknown>;
      expect(parse(payload, ['user.updated'])).toMatchObject({ known: false, type: event, candidates: [] });
    }
    const flowId = id();
    for (const event of [42, null, true, ['flow.updated'], { toString: 'flow.updated' }]) {
      const placed = parse({ event, flow_id: flowId }, ['flow.updated']);
      // Placed by its fields; the typed payload leaves out an event that is not Dots' spelling.
      expect(placed).toMatchObject({ known: true, type: 'flow.updated', payload: { flow_id: flowId } });
      expect(Object.hasOwn(placed.payload, 'event')).toBe(false);
      expect(parse({ event, user_id: id() })).toMatchObject({ known: false, type: undefined });
    }
  });

  it('places the webhooks.yaml types that carry their own fields without an event', () => {
    const userId = id();
    const cases: [Record<string, unknown>, DotsWebhookEventType][] = [
      [{ dispute_id: id() }, 'dispute.updated'],
      [{ payment_method_id: id() }, 'payment_method.updated'],
      [{ payout_request_id: id() }, 'payout_request.updated'],
      [transfer('flagged'), 'transfer.flagged'],
      [{ payout_link: { id: id() }, funding_transfer_id: id(), amount: 2500, reason: null }, 'payout_link.failed'],
      [{ user_id: userId, external_platform: 'paypal', differences: { name: 'x' } }, 'user.profile_changed_external'],
      [{ user_id: userId, old_user_id: id(), new_user_id: userId }, 'user.updated.user_merged'],
    ];
    for (const [payload, type] of cases) expect(parse(payload)).toMatchObject({ known: true, type, payload });
    // A user's id with a transfer's is a manual debit or credit (not transfer.updated): the subscription decides.
    const manual = { user_id: userId, transfer_id: id() };
    expect(parse(manual)).toMatchObject({
      known: false,
      candidates: ['user.updated.manual_credit', 'user.updated.manual_debit'],
    });
    expect(parse(manual, ['user.updated.manual_debit'])).toMatchObject({ type: 'user.updated.manual_debit' });
    expect(parse({ ...manual, event: 'user.updated.manual_credit' })).toMatchObject({
      type: 'user.updated.manual_credit',
    });
    expect(parse(transfer('pending'))).toMatchObject({
      known: false,
      candidates: ['transfer.completed', 'transfer.failed', 'transfer.flagged'],
    });
    // organization.updated has no field of its own: only its event places it.
    expect(parse({ event: 'organization.updated' })).toMatchObject({ known: true, type: 'organization.updated' });
    expect(parse({})).toMatchObject({ known: false, candidates: [] });
  });

  it('refuses the new types when a documented field is missing or malformed', () => {
    const bad: Record<string, unknown>[] = [
      { event: 'payout_link.failed', payout_link: 'x', funding_transfer_id: id(), amount: 1 },
      { event: 'payout_link.failed', payout_link: {}, funding_transfer_id: id(), amount: '1' },
      { event: 'payout_link.failed', payout_link: {}, amount: 1 },
      { event: 'user.profile_changed_external', user_id: id(), external_platform: 1, differences: {} },
      { event: 'user.profile_changed_external', user_id: id(), external_platform: 'p', differences: [] },
      { event: 'user.updated.manual_debit', user_id: id() },
      { event: 'payout_request.updated' },
      { event: 'payment_method.updated', payment_method_id: '' },
      { ...transfer('flagged'), transfer_id: id() },
    ];
    for (const payload of bad) expect([payload, codeOf(() => parse(payload))]).toEqual([payload, 'invalid_payload']);
  });
});
