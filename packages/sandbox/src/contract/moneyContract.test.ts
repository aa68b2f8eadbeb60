import { describe, expect, it } from 'vitest';
import { WEBHOOK_METHOD } from '../responseObserver.js';
import {
  FLOW_UPDATED_EVENT_SCHEMA_ID,
  PAYOUT_LINK_LIST_SCHEMA_ID,
  PAYOUT_LINK_REDELIVERY_SCHEMA_ID,
  PAYOUT_LINK_SCHEMA_ID,
  PAYOUT_LINK_UPDATED_EVENT_SCHEMA_ID,
  TRANSFER_COMPLETED_EVENT_SCHEMA_ID,
  TRANSFER_SCHEMA_ID,
  TRANSFER_UPDATED_EVENT_SCHEMA_ID,
  WEBHOOK_EVENT_SCHEMAS,
  checkResponse,
  createContractValidator,
} from './index.js';

const validator = createContractValidator();
const ID = '3c90c3cc-0d44-4b50-8888-8dd25736052a';

/** The payout link of the create example in `docs/guides/payout-links.mdx`, completed with the spec's fields. */
const LINK = {
  accounting_data: { quickbooks_account_id: null, quickbooks_class_id: null },
  amount: 123,
  claimed_user_id: null,
  created: '2024-07-11T12:31:33.479437',
  delivery: { country_code: null, email: null, method: 'link', phone_number: null },
  description: null,
  flow_id: '7c22fd05-147e-48bb-b008-f48f24b76ea4',
  funding_source: 'dots_balance',
  id: 'e5d5863a-498d-4551-a3dc-e31012503f23',
  link: 'https://my-sandbox.dots.dev/flow/7c22fd05-147e-48bb-b008-f48f24b76ea4',
  memo: null,
  metadata: null,
  payee: { country_code: null, email: null, first_name: null, last_name: null, phone_number: null },
  status: 'delivered',
  tax_exempt: false,
  transfer_id: null,
};

const PAYOUT = {
  id: ID,
  created: '2023-11-07T05:31:56Z',
  user_id: ID,
  status: 'completed',
  type: 'payout',
  amount: 1000,
  external_data: { platform: 'ach' },
  transactions: [
    {
      id: 1,
      amount: 900,
      created: '2023-11-07T05:31:56Z',
      source_name: ID,
      destination_name: 'ach',
      type: 'payout',
      metadata: null,
      transfer_id: ID,
    },
    {
      id: 2,
      amount: 100,
      created: '2023-11-07T05:31:56Z',
      source_name: ID,
      destination_name: 'dots',
      type: 'fee',
      metadata: null,
      transfer_id: ID,
    },
  ],
  payout_link_id: null,
  metadata: null,
};

describe('the payout and payout link schemas', () => {
  it('accept the shapes Dots documents', () => {
    expect(validator.problems(TRANSFER_SCHEMA_ID, PAYOUT)).toEqual([]);
    expect(validator.problems(PAYOUT_LINK_SCHEMA_ID, LINK)).toEqual([]);
    expect(validator.problems(PAYOUT_LINK_SCHEMA_ID, { ...LINK, status: 'funds_pending' })).toEqual([]);
    const claimed = { ...LINK, status: 'claimed', claimed_user_id: ID, transfer_id: ID };
    expect(validator.problems(PAYOUT_LINK_SCHEMA_ID, claimed)).toEqual([]);
    expect(validator.problems(PAYOUT_LINK_LIST_SCHEMA_ID, { has_more: false, data: [LINK] })).toEqual([]);
    expect(validator.problems(PAYOUT_LINK_REDELIVERY_SCHEMA_ID, { payout_link: LINK, redelivered: true })).toEqual([]);
  });

  it.each([
    ['an unknown status', { status: 'paid' }, /\/status/],
    ['a zero amount', { amount: 0 }, /\/amount/],
    ['a claimed link without its payee', { status: 'claimed' }, /claimed_user_id/],
    ['a relative link', { link: '/flow/x' }, /\/link/],
    ['an unknown delivery method', { delivery: { ...LINK.delivery, method: 'fax' } }, /\/delivery\/method/],
    ['an extra field', { original_amount: 123 }, /additional/],
    ['a non-UUID flow_id', { flow_id: 'flow_1' }, /\/flow_id/],
  ])('the payout link schema refuses %s', (_name, change, problem) => {
    expect(validator.problems(PAYOUT_LINK_SCHEMA_ID, { ...LINK, ...change }).join('\n')).toMatch(problem);
  });

  it('refuses a payout on an unknown rail, and a redelivery without its flag', () => {
    const bad = { ...PAYOUT, external_data: { platform: 'carrier-pigeon' } };
    expect(validator.problems(TRANSFER_SCHEMA_ID, bad).join('\n')).toMatch(/external_data\/platform/);
    expect(validator.problems(PAYOUT_LINK_REDELIVERY_SCHEMA_ID, { payout_link: LINK })).not.toEqual([]);
  });
});

describe('the webhook body schemas', () => {
  it('accept the bodies of docs/references/webhooks.mdx with the event of docs/webhooks.yaml', () => {
    expect(validator.problems(FLOW_UPDATED_EVENT_SCHEMA_ID, { event: 'flow.updated', flow_id: ID })).toEqual([]);
    expect(
      validator.problems(TRANSFER_UPDATED_EVENT_SCHEMA_ID, { event: 'transfer.updated', transfer_id: ID }),
    ).toEqual([]);
    const completed = { event: 'transfer.completed', transfer: PAYOUT, transfer_id: ID };
    expect(validator.problems(TRANSFER_COMPLETED_EVENT_SCHEMA_ID, completed)).toEqual([]);
    // webhooks.yaml (the newer document) also requires `original_amount`, and `method` + `withdrew_amount` on
    // paid_out; the mdx examples predate them.
    const linkEvent = { ...LINK, original_amount: 123 };
    for (const type of ['payout_link.sent', 'payout_link.claimed']) {
      expect(validator.problems(WEBHOOK_EVENT_SCHEMAS[type]!, { event: type, ...linkEvent })).toEqual([]);
    }
    const paidOut = { event: 'payout_link.paid_out', ...linkEvent, method: 'paypal', withdrew_amount: 100 };
    expect(validator.problems(WEBHOOK_EVENT_SCHEMAS['payout_link.paid_out']!, paidOut)).toEqual([]);
    const updated = { event: 'payout_link.updated', api_app_id: ID, original_amount: 123, ...LINK };
    expect(validator.problems(PAYOUT_LINK_UPDATED_EVENT_SCHEMA_ID, updated)).toEqual([]);
  });

  it('refuse a completed event for a transfer that is not completed, and bodies missing their ids', () => {
    const failed = { event: 'transfer.completed', transfer: { ...PAYOUT, status: 'failed' }, transfer_id: ID };
    expect(validator.problems(TRANSFER_COMPLETED_EVENT_SCHEMA_ID, failed).join('\n')).toMatch(/status/);
    expect(validator.problems(TRANSFER_UPDATED_EVENT_SCHEMA_ID, { event: 'transfer.updated' })).not.toEqual([]);
    expect(validator.problems(FLOW_UPDATED_EVENT_SCHEMA_ID, { event: 'flow.updated', flow_id: 'f1' })).not.toEqual([]);
    const noApp = { event: 'payout_link.updated', original_amount: 123, ...LINK };
    expect(validator.problems(PAYOUT_LINK_UPDATED_EVENT_SCHEMA_ID, noApp).join('\n')).toMatch(/api_app_id/);
    const sentWithout = { event: 'payout_link.sent', ...LINK };
    expect(validator.problems(WEBHOOK_EVENT_SCHEMAS['payout_link.sent']!, sentWithout).join('\n')).toMatch(
      /original_amount/,
    );
    const paidOutWithout = { event: 'payout_link.paid_out', ...LINK, original_amount: 123 };
    const paidOutProblems = validator.problems(WEBHOOK_EVENT_SCHEMAS['payout_link.paid_out']!, paidOutWithout);
    expect(paidOutProblems.join('\n')).toMatch(/method/);
    expect(paidOutProblems.join('\n')).toMatch(/withdrew_amount/);
  });

  it('checkResponse holds an observed webhook to its event schema, and flags an event with none', () => {
    const event = (path: string, body: unknown) =>
      checkResponse(validator, {
        method: WEBHOOK_METHOD,
        path,
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify(body),
      });
    expect(event('payout_link.claimed', { event: 'payout_link.claimed', ...LINK, original_amount: 123 })).toEqual({
      schemaId: WEBHOOK_EVENT_SCHEMAS['payout_link.claimed'],
      problems: [],
    });
    // Every body names its type: without `event`, or with another type's, it breaks the contract.
    expect(event('payout_link.claimed', LINK).problems.join('\n')).toMatch(/required property 'event'/);
    expect(event('payout_link.claimed', { event: 'payout_link.sent', ...LINK }).problems.join('\n')).toMatch(/\/event/);
    expect(event('transfer.completed', { transfer: PAYOUT, transfer_id: ID }).problems.join('\n')).toMatch(/event/);
    expect(event('transfer.completed', { event: 'transfer.completed', transfer: PAYOUT }).problems.join('\n')).toMatch(
      /WEBHOOK transfer\.completed .*transfer_id/,
    );
    expect(event('transfer.failed', {}).problems.join('\n')).toMatch(/no schema in RESPONSE_CONTRACTS/);
  });
});
