import { STEPS } from '@dots-flow/core';
import { defaultStep, parseStepInputs } from '../page/stepRules.js';
import type { NormalizedStep } from '../page/stepRules.js';
import { fail, isRecord, own, readMetadata, unknownField } from './bodyFields.js';
import type { Validation } from './bodyFields.js';
import type { FeeParty } from './transferStore.js';
import { isUuid } from './uuid.js';
import { FEE_PARTIES } from './validateCreatePayout.js';
import { MAX_TRANSFER_CENTS } from './validateCreateTransfer.js';

/** The body fields of `POST /v2/payout-links` (spec; `additionalProperties: false`). */
export const CREATE_PAYOUT_LINK_FIELDS = [
  'user_id',
  'payee',
  'amount',
  'delivery',
  'force_collect_compliance_information',
  'tax_exempt',
  'metadata',
  'memo',
  'idempotency_key',
  'payout_fee_party',
  'additional_steps',
  'accounting_data',
  'funding_source',
  'hide_go_to_dashboard_on_complete',
  'description',
];
export const DELIVERY_METHODS = ['sms', 'link', 'email', 'all'] as const;
export const FUNDING_SOURCES = ['dots_balance', 'ach'] as const;
const PAYEE_FIELDS = ['first_name', 'last_name', 'country_code', 'phone_number', 'email'] as const;
const MAX_TEXT = 1000;

export type Payee = Record<(typeof PAYEE_FIELDS)[number], string | null>;

export interface ValidCreatePayoutLink {
  userId: string | null;
  payee: Payee;
  amountCents: number;
  deliveryMethod: (typeof DELIVERY_METHODS)[number];
  /** The flow's steps: `additional_steps`, compliance when forced, and always `payout` last. */
  steps: NormalizedStep[];
  taxExempt: boolean;
  metadata: string | Record<string, unknown> | null;
  memo: string | null;
  description: string | null;
  idempotencyKey: string | null;
  feeParty: FeeParty | null;
  accounting: { quickbooks_account_id: number | null; quickbooks_class_id: number | null };
  fundingSource: (typeof FUNDING_SOURCES)[number];
  hideGoToDashboard: boolean;
}

const optionalText = (body: Record<string, unknown>, key: string): string | null | undefined => {
  const value = own(body, key) ?? null;
  return value === null || (typeof value === 'string' && value.length <= MAX_TEXT) ? value : undefined;
};

function readPayee(value: unknown): Payee | string {
  const payee: Payee = { first_name: null, last_name: null, country_code: null, phone_number: null, email: null };
  if (value === undefined || value === null) return payee;
  if (!isRecord(value)) return 'payee';
  for (const key of PAYEE_FIELDS) {
    const field = optionalText(value, key);
    if (field === undefined || field === '') return `payee.${key}`;
    payee[key] = field;
  }
  if (payee.email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(payee.email)) return 'payee.email';
  if (payee.country_code !== null && !/^\d{1,4}$/.test(payee.country_code)) return 'payee.country_code';
  if (payee.phone_number !== null && !/^\d{4,20}$/.test(payee.phone_number)) return 'payee.phone_number';
  return payee;
}

/** The link flow's steps: the requested ones, compliance first when forced, `payout` last (a guess). */
function linkSteps(value: unknown, forceCompliance: boolean, feeParty: FeeParty | null, strict: boolean) {
  const parsed = parseStepInputs(value ?? [], STEPS, { strict });
  if (!parsed.ok) return { ok: false as const, message: parsed.message, field: parsed.field };
  const steps = [...parsed.steps];
  if (forceCompliance && !steps.some((s) => s.name === 'compliance')) steps.unshift(defaultStep('compliance'));
  let payout = steps.find((s) => s.name === 'payout');
  if (!payout) {
    payout = defaultStep('payout');
    steps.push(payout);
  }
  if (payout.payout_fee_party === null) payout.payout_fee_party = feeParty;
  return { ok: true as const, steps };
}

/** Checks a `POST /v2/payout-links` body as the spec types it (`amount` required). */
export function validateCreatePayoutLink(
  body: unknown,
  rules: { strict: boolean; isKnownUser: (id: string) => boolean },
): Validation<ValidCreatePayoutLink> {
  if (!isRecord(body)) return fail('The body must be a JSON object like {"amount": 1000}.', null);
  const extra = unknownField(body, CREATE_PAYOUT_LINK_FIELDS);
  // The spec closes this body (`additionalProperties: false`): unknown fields are refused in every mode.
  if (extra !== undefined) {
    return fail(`Unknown field "${extra}". Fields: ${CREATE_PAYOUT_LINK_FIELDS.join(', ')}.`, extra);
  }
  const amount = own(body, 'amount');
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0 || amount > MAX_TRANSFER_CENTS) {
    return fail(`\`amount\` is required: whole cents from 1 to ${MAX_TRANSFER_CENTS}.`, 'amount');
  }
  const userId = own(body, 'user_id') ?? null;
  if (userId !== null && !isUuid(userId)) return fail('`user_id` must be a user id (a UUID), or left out.', 'user_id');
  if (userId !== null && !rules.isKnownUser(userId)) return fail(`No user "${userId}" in this sandbox.`, 'user_id');
  const payee = readPayee(own(body, 'payee'));
  if (typeof payee === 'string') {
    return fail(
      `\`${payee}\` is malformed: payee holds first_name, last_name, email, country_code (digits) and phone_number (digits).`,
      payee,
    );
  }
  const delivery = own(body, 'delivery') ?? {};
  if (!isRecord(delivery)) return fail('`delivery` must be an object like {"method": "link"}.', 'delivery');
  const method = own(delivery, 'method') ?? 'link';
  if (!(DELIVERY_METHODS as readonly unknown[]).includes(method)) {
    return fail(`\`delivery.method\` must be one of ${DELIVERY_METHODS.join(', ')}.`, 'delivery.method');
  }
  if (optionalText(delivery, 'message') === undefined)
    return fail('`delivery.message` must be a string.', 'delivery.message');
  if (method === 'sms' && (payee.country_code === null || payee.phone_number === null)) {
    return fail('`delivery.method: sms` needs `payee.country_code` and `payee.phone_number`.', 'payee.phone_number');
  }
  if (method === 'email' && payee.email === null) {
    return fail('`delivery.method: email` needs `payee.email`.', 'payee.email');
  }
  const flags: Record<string, boolean> = {};
  for (const key of ['force_collect_compliance_information', 'tax_exempt', 'hide_go_to_dashboard_on_complete']) {
    const value = own(body, key) ?? false;
    if (typeof value !== 'boolean') return fail(`\`${key}\` must be true or false.`, key);
    flags[key] = value;
  }
  const metadata = readMetadata(own(body, 'metadata'));
  if (!metadata) return fail('`metadata` must be a string or a JSON object.', 'metadata');
  const memo = optionalText(body, 'memo');
  if (memo === undefined) return fail(`\`memo\` must be a string of at most ${MAX_TEXT} characters.`, 'memo');
  const description = optionalText(body, 'description');
  if (description === undefined) {
    return fail(`\`description\` must be a string of at most ${MAX_TEXT} characters.`, 'description');
  }
  const key = own(body, 'idempotency_key') ?? null;
  if (key !== null && !isUuid(key)) {
    return fail(
      '`idempotency_key` must be a UUID you generate per link (e.g. crypto.randomUUID()).',
      'idempotency_key',
    );
  }
  const feeParty = own(body, 'payout_fee_party') ?? null;
  if (feeParty !== null && !(FEE_PARTIES as readonly unknown[]).includes(feeParty)) {
    return fail('`payout_fee_party` must be "user", "platform" or null.', 'payout_fee_party');
  }
  const accounting = own(body, 'accounting_data') ?? {};
  const ids = { quickbooks_account_id: null as number | null, quickbooks_class_id: null as number | null };
  if (!isRecord(accounting)) return fail('`accounting_data` must be an object.', 'accounting_data');
  for (const name of ['quickbooks_account_id', 'quickbooks_class_id'] as const) {
    const id = own(accounting, name) ?? null;
    if (id !== null && !Number.isSafeInteger(id))
      return fail(`\`accounting_data.${name}\` must be an integer.`, `accounting_data.${name}`);
    ids[name] = id as number | null;
  }
  const fundingSource = own(body, 'funding_source') ?? 'dots_balance';
  if (!(FUNDING_SOURCES as readonly unknown[]).includes(fundingSource)) {
    return fail(`\`funding_source\` must be one of ${FUNDING_SOURCES.join(', ')}.`, 'funding_source');
  }
  const steps = linkSteps(
    own(body, 'additional_steps'),
    flags['force_collect_compliance_information'] === true,
    feeParty as FeeParty | null,
    rules.strict,
  );
  if (!steps.ok) {
    const field = (steps.field ?? 'steps').replace(/^steps/, 'additional_steps');
    return fail(steps.message.replaceAll('`steps', '`additional_steps'), field);
  }
  return {
    ok: true,
    value: {
      userId,
      payee,
      amountCents: amount,
      deliveryMethod: method as ValidCreatePayoutLink['deliveryMethod'],
      steps: steps.steps,
      taxExempt: flags['tax_exempt'] === true,
      metadata: metadata.value,
      memo,
      description,
      idempotencyKey: key,
      feeParty: feeParty as FeeParty | null,
      accounting: ids,
      fundingSource: fundingSource as ValidCreatePayoutLink['fundingSource'],
      hideGoToDashboard: flags['hide_go_to_dashboard_on_complete'] === true,
    },
  };
}
