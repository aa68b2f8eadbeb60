import { describe, expect, it } from 'vitest';
import { payoutLinkSchema, PAYOUT_LINK_STATUS_NAMES, transferSchema } from '@dots-flow/sandbox/contract';
import { DOTS_DELIVERY_METHODS, DOTS_PAYOUT_LINK_STATUSES } from './payoutLinks.js';
import type { DotsPayee, DotsPayoutLink } from './payoutLinks.js';
import type { DotsTransaction, DotsTransfer } from './transfers.js';

// The kit's types, the sandbox's contract schemas and the sandbox's stores each spell Dots' objects out.
// The stores are held to the schemas by every sandbox test (contractHarness); this holds the kit's types to
// them. Each list below is checked by the compiler against its type (`satisfies` refuses a missing or an
// unknown key, so `pnpm typecheck` fails when a type changes) and here against the schema.
type KeysOf<T> = Record<keyof T, true>;

const PAYOUT_LINK = {
  accounting_data: true,
  amount: true,
  claimed_user_id: true,
  created: true,
  delivery: true,
  description: true,
  flow_id: true,
  funding_source: true,
  id: true,
  link: true,
  memo: true,
  metadata: true,
  payee: true,
  status: true,
  tax_exempt: true,
  transfer_id: true,
} satisfies KeysOf<DotsPayoutLink>;
const PAYEE = {
  first_name: true,
  last_name: true,
  email: true,
  country_code: true,
  phone_number: true,
} satisfies KeysOf<DotsPayee>;
const DELIVERY = { method: true, email: true, country_code: true, phone_number: true } satisfies KeysOf<
  DotsPayoutLink['delivery']
>;
const ACCOUNTING = { quickbooks_account_id: true, quickbooks_class_id: true } satisfies KeysOf<
  NonNullable<DotsPayoutLink['accounting_data']>
>;
const FUNDING_SOURCES = { dots_balance: true, ach: true } satisfies KeysOf<
  Record<NonNullable<DotsPayoutLink['funding_source']>, unknown>
>;

const TRANSFER = {
  id: true,
  created: true,
  user_id: true,
  status: true,
  type: true,
  amount: true,
  external_data: true,
  transactions: true,
  payout_link_id: true,
  metadata: true,
} satisfies KeysOf<DotsTransfer>;
const EXTERNAL_DATA = { account_id: true, external_id: true, platform: true } satisfies KeysOf<
  NonNullable<DotsTransfer['external_data']>
>;
// The spec's `transaction` also has `transfer`, "only present if `include_transfer` is true" on
// `GET /v2/transactions`, which neither the kit nor the sandbox serves; a transfer's own transactions lack it.
const TRANSACTION = {
  id: true,
  amount: true,
  created: true,
  source_name: true,
  destination_name: true,
  type: true,
  metadata: true,
  transfer_id: true,
} satisfies KeysOf<DotsTransaction>;
const TRANSFER_STATUSES = {
  created: true,
  pending: true,
  failed: true,
  completed: true,
  reversed: true,
  canceled: true,
  flagged: true,
} satisfies KeysOf<Record<DotsTransfer['status'], unknown>>;
const TRANSFER_TYPES = {
  refill: true,
  payout: true,
  balance: true,
  payment: true,
  settlement: true,
  payable: true,
} satisfies KeysOf<Record<DotsTransfer['type'], unknown>>;

const sorted = (values: Iterable<string>) => [...values].sort();
const keys = (object: object) => sorted(Object.keys(object));

describe("the kit's Dots object types name exactly the fields of the sandbox's contract schemas", () => {
  it('payout link (spec schema `payout-link`), its payee, delivery and accounting data, and its enums', () => {
    const schema = payoutLinkSchema.properties;
    expect(keys(PAYOUT_LINK)).toEqual(keys(schema));
    expect(keys(PAYEE)).toEqual(keys(schema.payee.properties));
    expect(keys(DELIVERY)).toEqual(keys(schema.delivery.properties));
    expect(keys(ACCOUNTING)).toEqual(keys(schema.accounting_data.properties));
    expect(keys(FUNDING_SOURCES)).toEqual(sorted(schema.funding_source.enum));
    expect(DOTS_PAYOUT_LINK_STATUSES).toEqual(PAYOUT_LINK_STATUS_NAMES);
    expect(sorted(DOTS_DELIVERY_METHODS)).toEqual(sorted(schema.delivery.properties.method.enum));
  });

  it('transfer (spec schemas `transfer` and `transaction`), its external data and transactions, and its enums', () => {
    const schema = transferSchema.properties;
    expect(keys(TRANSFER)).toEqual(keys(schema));
    expect(keys(EXTERNAL_DATA)).toEqual(keys(schema.external_data.properties));
    expect(keys(TRANSACTION)).toEqual(keys(schema.transactions.items.properties));
    expect(keys(TRANSFER_STATUSES)).toEqual(sorted(schema.status.enum));
    expect(keys(TRANSFER_TYPES)).toEqual(sorted(schema.type.enum));
  });
});
