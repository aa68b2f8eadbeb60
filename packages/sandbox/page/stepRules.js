// The rules every sandbox step follows, shared by the flow page (in the browser) and the sandbox
// server (which validates again), so the two can never disagree. Plain ES module: no DOM, no Node APIs.
import { STEP_OPTIONS, optionError } from './stepOptions.js';

export { STEP_OPTIONS, PAYOUT_FEE_PARTIES, isHttpUrl, isRedirectUrl } from './stepOptions.js';

/** Mirror of `STEPS` in @dots-flow/core (a test keeps them equal); the page cannot import packages. */
export const STEP_NAMES = [
  'compliance',
  'id-verification',
  'background-check',
  'manage-payouts',
  'manage-payments',
  'payout',
  'redirect',
  'pdf-form-fill',
];

/** The phone-verification screen shown first when a flow has no user; the name the page posts for it. */
export const ONBOARDING_STEP = 'onboarding';

/** Every name Dots' docs give that step: never a step a create request may list. */
export const ONBOARDING_ALIASES = ['onboarding', 'onboard', 'authentication', 'authorization'];

/** The only verification code the sandbox accepts (onboarding and re-authentication). */
export const TEST_CODE = '123456';

/** The full name that makes the background check fail (Dots documents no test data: the sandbox's choice). */
export const FAILING_BACKGROUND_CHECK_NAME = 'Fail Check';

/** Payout methods every sandbox user has; none starts as the default. */
export const PAYOUT_METHODS = [
  { id: 'pm_bank', label: 'Bank account •••• 6789' },
  { id: 'pm_paypal', label: 'PayPal · ada@example.com' },
  { id: 'pm_venmo', label: 'Venmo · @ada-lovelace' },
];

/** Valid test data each form starts with, so pressing the primary button completes the step. */
export const DEFAULT_FIELDS = {
  onboarding: { phone: '+1 415 555 0100', code: TEST_CODE },
  compliance: { legal_name: 'Ada Lovelace', tin: '123-45-6789', address: '1 Market St', postal_code: '94105' },
  'id-verification': { document_type: 'drivers_license', document: true, selfie: true },
  'background-check': { full_name: 'Ada Lovelace', consent: true },
  'manage-payouts': {},
  'manage-payments': { account_holder: 'Ada Lovelace', routing_number: '110000000', account_number: '000123456789' },
  payout: { amount: '25.00' },
  redirect: {},
  'pdf-form-fill': { full_name: 'Ada Lovelace', agree: true },
};

export const DOCUMENT_TYPES = [
  { id: 'drivers_license', label: "Driver's license" },
  { id: 'passport', label: 'Passport' },
  { id: 'id_card', label: 'State ID card' },
];

const fail = (message, field) => ({ ok: false, message, field: field ?? null });
const isRecord = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A step with every option at its default: what a plain step name means. */
export function defaultStep(name) {
  const step = { name };
  for (const [key, option] of Object.entries(STEP_OPTIONS)) step[key] = option.default;
  return step;
}

/**
 * Checks a create request's `steps` against `stepNames` and returns them normalised to objects with
 * every option (defaults filled in, options of other steps left at their defaults), or the first
 * problem as a sentence with the path of the offending field. In `strict` mode unknown options and
 * options given to a step they do not apply to are refused instead of ignored.
 */
export function parseStepInputs(value, stepNames, { strict = false } = {}) {
  if (value === undefined)
    return fail('`steps` is required: a list of step names or { name, ...options } objects.', 'steps');
  if (!Array.isArray(value))
    return fail('`steps` must be a list of step names or { name, ...options } objects.', 'steps');
  const known = `Known steps: ${stepNames.join(', ')}.`;
  const steps = [];
  for (const [index, item] of value.entries()) {
    const at = `steps[${index}]`;
    const isObject = isRecord(item);
    if (typeof item !== 'string' && !isObject) {
      return fail(`\`${at}\` must be a step name or a { name, ...options } object.`, at);
    }
    if (isObject && !Object.hasOwn(item, 'name')) return fail(`\`${at}\` needs a \`name\`. ${known}`, at);
    const name = typeof item === 'string' ? item : item.name;
    if (ONBOARDING_ALIASES.includes(name)) {
      return fail(`\`${at}\`: "${name}" is added automatically when the flow has no user_id; leave it out.`, at);
    }
    if (typeof name !== 'string' || !stepNames.includes(name)) {
      return fail(`\`${at}\`: unknown step ${JSON.stringify(name) ?? 'undefined'}. ${known}`, at);
    }
    if (steps.some((step) => step.name === name)) return fail(`\`${at}\`: the step "${name}" is listed twice.`, at);
    const step = defaultStep(name);
    for (const key of isObject ? Object.keys(item) : []) {
      if (key === 'name') continue;
      const option = Object.hasOwn(STEP_OPTIONS, key) ? STEP_OPTIONS[key] : undefined;
      const applies = option !== undefined && (option.steps === null || option.steps.includes(name));
      if (option && (applies || option.typedEverywhere)) {
        const problem = optionError(option, item[key]);
        if (problem) return fail(`\`${at}.${key}\` ${problem}`, `${at}.${key}`);
      }
      if (applies) step[key] = item[key];
      else if (strict) {
        const where = option ? `only applies to ${option.steps.join(', ')}` : 'is not a step option';
        const list = Object.keys(STEP_OPTIONS).join(', ');
        return fail(`\`${at}.${key}\` ${where} (strict mode). Step options: ${list}.`, `${at}.${key}`);
      }
    }
    if (name === 'pdf-form-fill' && step.template_id === null) {
      return fail(`\`${at}\`: the pdf-form-fill step needs a \`template_id\`.`, `${at}.template_id`);
    }
    steps.push(step);
  }
  return { ok: true, steps };
}

const text = (fields, key) => (typeof fields[key] === 'string' ? fields[key].trim() : '');
const checked = (fields, key) => fields[key] === true;

/** Digits of a phone number, with a leading `+` kept; `null` when it is not a plausible number. */
export function normalizePhone(value) {
  const compact = String(value).replace(/[\s().-]/g, '');
  if (/^\+[1-9]\d{9,14}$/.test(compact)) return compact;
  if (/^[2-9]\d{9}$/.test(compact)) return `+1${compact}`;
  return null;
}

/** ABA routing number checksum: 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) is a multiple of 10. */
export function isRoutingNumber(value) {
  if (!/^\d{9}$/.test(value)) return false;
  const d = [...value].map(Number);
  const sum = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8]);
  return sum % 10 === 0 && value !== '000000000';
}

/** Parses a dollar amount like `25`, `25.5` or `25.00` into cents; `null` when malformed. */
export function parseAmountCents(value) {
  const match = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(String(value).trim().replace(/^\$/, ''));
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Checks an SMS code (onboarding and re-authentication); `null` when it is the sandbox's code. */
export function codeProblem(fields) {
  const f = isRecord(fields) ? fields : {};
  if (!/^\d{6}$/.test(text(f, 'code'))) return fail('Enter the 6-digit code we sent you.', 'code');
  if (text(f, 'code') !== TEST_CODE) return fail(`That code is not valid. The sandbox code is ${TEST_CODE}.`, 'code');
  return null;
}

/** The auto-payout setting a form sets: its checkbox when the step offers it, else unchanged. */
function autoPayoutOf(f, step, context) {
  return step.auto_payout_enabled && Object.hasOwn(f, 'auto_payout') ? checked(f, 'auto_payout') : context.autoPayout;
}

/**
 * Validates one step's form fields as a real form would. `context` carries what the user already has
 * (`balanceCents`, `defaultMethod`, `autoPayout`) and the step's options (`step`, defaults when absent).
 * Returns `{ ok: true, value }` or `{ ok: false, field, message }`.
 */
export function validateStep(name, fields, context) {
  const f = isRecord(fields) ? fields : {};
  const step = context.step ?? defaultStep(name);
  switch (name) {
    case ONBOARDING_STEP: {
      const phone = normalizePhone(text(f, 'phone'));
      if (!phone) return fail('Enter a phone number with its country code, like +1 415 555 0100.', 'phone');
      if (!Object.hasOwn(f, 'code')) return { ok: true, value: { phone, codeSent: false } };
      return codeProblem(f) ?? { ok: true, value: { phone, codeSent: true } };
    }
    case 'compliance': {
      if (text(f, 'legal_name').length < 2) return fail('Enter your full legal name.', 'legal_name');
      const tin = text(f, 'tin').replace(/[\s-]/g, '');
      if (tin === '') return fail('Enter your TIN (SSN or EIN): 9 digits.', 'tin');
      if (!/^\d{9}$/.test(tin) || /^0+$/.test(tin)) return fail('A TIN (SSN or EIN) has exactly 9 digits.', 'tin');
      if (text(f, 'address').length < 3) return fail('Enter your street address.', 'address');
      if (!/^\d{5}(-\d{4})?$/.test(text(f, 'postal_code'))) return fail('Enter a 5-digit ZIP code.', 'postal_code');
      return { ok: true, value: {} };
    }
    case 'id-verification': {
      if (!DOCUMENT_TYPES.some((type) => type.id === text(f, 'document_type'))) {
        return fail('Choose the type of document you are verifying with.', 'document_type');
      }
      if (!checked(f, 'document')) return fail('Add a photo of your document.', 'document');
      if (!checked(f, 'selfie')) return fail('Add a selfie so we can match it to your document.', 'selfie');
      return { ok: true, value: {} };
    }
    case 'background-check': {
      if (text(f, 'full_name').length < 2) return fail('Enter your full name as your signature.', 'full_name');
      if (!checked(f, 'consent')) return fail('You must authorize the background check to continue.', 'consent');
      return { ok: true, value: {} };
    }
    case 'manage-payouts': {
      const chosen = text(f, 'default_method');
      if (chosen !== '' && !PAYOUT_METHODS.some((m) => m.id === chosen)) {
        return fail('Choose one of your payout methods as the default.', 'default_method');
      }
      const defaultMethod = chosen === '' ? context.defaultMethod : chosen;
      if (step.require_default_payout_method && defaultMethod === null) {
        return fail('Choose a default payout method to continue.', 'default_method');
      }
      const autoPayout = autoPayoutOf(f, step, context);
      // A flow that hides the auto-payout setting cannot demand it.
      if (step.require_auto_payout_method && step.auto_payout_enabled && !autoPayout) {
        return fail('Turn on automatic payouts to continue.', 'auto_payout');
      }
      const changed = defaultMethod !== context.defaultMethod || autoPayout !== context.autoPayout;
      return { ok: true, value: { defaultMethod, autoPayout, changed } };
    }
    case 'manage-payments': {
      if (text(f, 'account_holder').length < 2) return fail('Enter the account holder’s name.', 'account_holder');
      if (!isRoutingNumber(text(f, 'routing_number'))) {
        return fail('Enter a valid 9-digit routing number, like 110000000.', 'routing_number');
      }
      if (!/^\d{4,17}$/.test(text(f, 'account_number'))) {
        return fail('An account number has 4 to 17 digits.', 'account_number');
      }
      return { ok: true, value: {} };
    }
    case 'payout': {
      const cents = parseAmountCents(text(f, 'amount'));
      if (cents === null) return fail('Enter an amount in dollars, like 25.00.', 'amount');
      if (cents <= 0) return fail('The amount must be more than $0.00.', 'amount');
      // A wallet holds only what the app sent the user; an empty one says so rather than "more than $0.00".
      if (context.balanceCents <= 0) {
        return fail('Your balance is $0.00: nothing to withdraw until money is sent to you.', 'amount');
      }
      if (cents > context.balanceCents) {
        return fail(`The amount is more than your balance of ${formatCents(context.balanceCents)}.`, 'amount');
      }
      return { ok: true, value: { amountCents: cents, autoPayout: autoPayoutOf(f, step, context) } };
    }
    case 'redirect':
      return { ok: true, value: {} };
    case 'pdf-form-fill': {
      if (text(f, 'full_name').length < 2) return fail('Type your full name to sign the document.', 'full_name');
      if (!checked(f, 'agree')) return fail('Confirm you have read the document and agree to sign it.', 'agree');
      return { ok: true, value: {} };
    }
    default:
      return fail(`Unknown step "${String(name)}".`, null);
  }
}

/** `12345` → `$123.45` */
export function formatCents(cents) {
  return `$${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}
