// The rules every sandbox step form follows, shared by the flow page (in the browser) and the sandbox
// server (which validates again), so the two can never disagree. Plain ES module: no DOM, no Node APIs.

/** Mirror of `STEPS` in @dots-flow/core (a test keeps them equal); the page cannot import packages. */
export const STEP_NAMES = [
  'compliance',
  'id-verification',
  'background-check',
  'manage-payouts',
  'manage-payments',
  'payout',
  'redirect',
];

/** The phone-verification step put first when a flow has no user. */
export const ONBOARDING_STEP = 'onboarding';

/** The only verification code the sandbox accepts. */
export const TEST_CODE = '123456';

/** Every new user's balance, in cents. */
export const STARTING_BALANCE_CENTS = 10000;

/** Payout methods every sandbox user has; the first one starts as the default. */
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
};

export const DOCUMENT_TYPES = [
  { id: 'drivers_license', label: "Driver's license" },
  { id: 'passport', label: 'Passport' },
  { id: 'id_card', label: 'State ID card' },
];

const STEP_OPTION_KEYS = ['name', 'hide_continue_button', 'redirect_url'];

const fail = (message, field) => ({ ok: false, message, field: field ?? null });

/** True for an absolute `http:` or `https:` URL. */
export function isHttpUrl(value) {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Checks a create request's `steps` (names or `{ name, hide_continue_button?, redirect_url? }`) against
 * `stepNames` and returns them normalised to objects, or the first problem as a sentence.
 */
export function parseStepInputs(value, stepNames) {
  if (!Array.isArray(value) || value.length === 0) {
    return fail('`steps` must be a non-empty array of step names or { name, ...options } objects.', 'steps');
  }
  if (value.length > stepNames.length) return fail(`\`steps\` can hold at most ${stepNames.length} steps.`, 'steps');
  const known = `Known steps: ${stepNames.join(', ')}.`;
  const steps = [];
  for (const [index, item] of value.entries()) {
    const at = `steps[${index}]`;
    const isObject = typeof item === 'object' && item !== null && !Array.isArray(item);
    if (typeof item !== 'string' && !isObject) {
      return fail(`\`${at}\` must be a step name or a { name, ...options } object.`, at);
    }
    const name = typeof item === 'string' ? item : Object.hasOwn(item, 'name') ? item.name : undefined;
    if (name === ONBOARDING_STEP || name === 'authorization') {
      return fail(`\`${at}\`: the ${name} step is added automatically when the flow has no user_id.`, at);
    }
    if (typeof name !== 'string' || !stepNames.includes(name)) {
      return fail(`\`${at}\`: unknown step ${JSON.stringify(name) ?? 'undefined'}. ${known}`, at);
    }
    if (steps.some((step) => step.name === name)) return fail(`\`${at}\`: the step "${name}" is listed twice.`, at);
    const options = isObject ? item : {};
    const unknownKey = Object.keys(options).find((key) => !STEP_OPTION_KEYS.includes(key));
    if (unknownKey !== undefined) {
      return fail(`\`${at}\`: unknown option "${unknownKey}". Step options: hide_continue_button, redirect_url.`, at);
    }
    const hide = Object.hasOwn(options, 'hide_continue_button') ? options.hide_continue_button : false;
    if (typeof hide !== 'boolean') return fail(`\`${at}.hide_continue_button\` must be true or false.`, at);
    const redirectUrl = Object.hasOwn(options, 'redirect_url') ? options.redirect_url : undefined;
    if (name === 'redirect' && !isHttpUrl(redirectUrl)) {
      return fail(`\`${at}\`: the redirect step needs a redirect_url that is an absolute http: or https: URL.`, at);
    }
    if (name !== 'redirect' && redirectUrl !== undefined) {
      return fail(`\`${at}\`: redirect_url is only allowed on the redirect step.`, at);
    }
    steps.push({ name, hide_continue_button: hide, redirect_url: name === 'redirect' ? redirectUrl : null });
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

/**
 * Validates one step's form fields as a real form would. `context` carries what the user already has
 * (`balanceCents`, `defaultMethod`). Returns `{ ok: true, value }` or `{ ok: false, field, message }`.
 */
export function validateStep(name, fields, context) {
  const f = typeof fields === 'object' && fields !== null && !Array.isArray(fields) ? fields : {};
  switch (name) {
    case ONBOARDING_STEP: {
      const phone = normalizePhone(text(f, 'phone'));
      if (!phone) return fail('Enter a phone number with its country code, like +1 415 555 0100.', 'phone');
      if (!Object.hasOwn(f, 'code')) return { ok: true, value: { phone, codeSent: false } };
      if (!/^\d{6}$/.test(text(f, 'code'))) return fail('Enter the 6-digit code we sent you.', 'code');
      if (text(f, 'code') !== TEST_CODE)
        return fail(`That code is not valid. The sandbox code is ${TEST_CODE}.`, 'code');
      return { ok: true, value: { phone, codeSent: true } };
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
      const method = text(f, 'default_method');
      if (!PAYOUT_METHODS.some((m) => m.id === method))
        return fail('Choose a default payout method.', 'default_method');
      return { ok: true, value: { defaultMethod: method, changed: method !== context.defaultMethod } };
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
      if (cents > context.balanceCents) {
        return fail(`The amount is more than your balance of ${formatCents(context.balanceCents)}.`, 'amount');
      }
      return { ok: true, value: { amountCents: cents } };
    }
    case 'redirect':
      return { ok: true, value: {} };
    default:
      return fail(`Unknown step "${String(name)}".`, null);
  }
}

/** `12345` → `$123.45` */
export function formatCents(cents) {
  return `$${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}
