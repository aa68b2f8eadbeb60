// The screens of the flow page: one accessible form per step, pre-filled with valid test data.
import { DEFAULT_FIELDS, DOCUMENT_TYPES, PAYOUT_METHODS, TEST_CODE, formatCents } from './stepRules.js';

/** Builds an element; `props` go to properties (`textContent`, `type`) or, for `aria-*`/`data-*`/`for`, attributes. */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('aria-') || key.startsWith('data-') || key === 'for' || key === 'role') {
      node.setAttribute(key, String(value));
    } else node[key] = value;
  }
  node.append(...children.filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

const field = (name, label, value, { hint, ...extra } = {}) =>
  el(
    'div',
    { className: 'field' },
    el('label', { for: `f-${name}`, textContent: label }),
    el('input', { id: `f-${name}`, name, type: 'text', value, 'aria-describedby': hint && `f-${name}-hint`, ...extra }),
    hint ? el('p', { className: 'hint', id: `f-${name}-hint`, textContent: hint }) : null,
  );

const checkbox = (name, label, checked) =>
  el(
    'div',
    { className: 'check' },
    el('input', { id: `f-${name}`, name, type: 'checkbox', checked }),
    el('label', { for: `f-${name}`, textContent: label }),
  );

const select = (name, label, options, value) =>
  el(
    'div',
    { className: 'field' },
    el('label', { for: `f-${name}`, textContent: label }),
    el(
      'select',
      { id: `f-${name}`, name },
      ...options.map((option) =>
        el('option', { value: option.id, textContent: option.label, selected: option.id === value }),
      ),
    ),
  );

/** Title, intro, primary button and fields of each step. `phase` is the onboarding sub-screen. */
export function stepView(name, { state, phase }) {
  const d = DEFAULT_FIELDS[name] ?? {};
  switch (name) {
    case 'onboarding':
      return phase === 'code'
        ? {
            title: 'Enter the code',
            intro: `We sent a 6-digit code by text message. In the sandbox the code is always ${TEST_CODE}.`,
            button: 'Verify',
            fields: [
              field('code', 'Verification code', d.code, { inputMode: 'numeric', autocomplete: 'one-time-code' }),
            ],
          }
        : {
            title: 'Verify your phone',
            intro: 'Enter your mobile number. We will text you a code to sign in or create your account.',
            button: 'Send code',
            fields: [field('phone', 'Phone number', d.phone, { type: 'tel', autocomplete: 'tel' })],
          };
    case 'compliance':
      return {
        title: 'Tax information',
        intro: 'The IRS requires your tax details before you can receive payouts.',
        button: 'Submit',
        fields: [
          field('legal_name', 'Legal name', d.legal_name, { autocomplete: 'name' }),
          field('tin', 'TIN (SSN or EIN)', d.tin, {
            inputMode: 'numeric',
            hint: 'Test value; never enter a real one.',
          }),
          field('address', 'Street address', d.address, { autocomplete: 'street-address' }),
          field('postal_code', 'ZIP code', d.postal_code, { inputMode: 'numeric', autocomplete: 'postal-code' }),
        ],
      };
    case 'id-verification':
      return {
        title: 'Verify your identity',
        intro: 'Add a photo of a government ID and a selfie. The sandbox uses stand-in images.',
        button: 'Verify',
        fields: [
          select('document_type', 'Document type', DOCUMENT_TYPES, d.document_type),
          checkbox('document', 'Use the test document photo', d.document),
          checkbox('selfie', 'Use the test selfie', d.selfie),
        ],
      };
    case 'background-check':
      return {
        title: 'Background check',
        intro: 'We run a background check before your first payout. Sign with your full name to consent.',
        button: 'I agree',
        fields: [
          field('full_name', 'Full name', d.full_name, { autocomplete: 'name' }),
          checkbox('consent', 'I authorize the background check', d.consent),
        ],
      };
    case 'manage-payouts':
      return {
        title: 'Payout methods',
        intro: 'Choose where your payouts go by default.',
        button: 'Save',
        fields: [
          el(
            'fieldset',
            {},
            el('legend', { textContent: 'Default payout method' }),
            ...PAYOUT_METHODS.map((method) =>
              el(
                'div',
                { className: 'check' },
                el('input', {
                  id: `f-${method.id}`,
                  type: 'radio',
                  name: 'default_method',
                  value: method.id,
                  checked: method.id === state.default_method,
                }),
                el('label', { for: `f-${method.id}`, textContent: method.label }),
              ),
            ),
          ),
        ],
      };
    case 'manage-payments':
      return {
        title: 'Bank account',
        intro: 'Add the bank account payments are drawn from.',
        button: 'Save',
        fields: [
          field('account_holder', 'Account holder', d.account_holder, { autocomplete: 'name' }),
          field('routing_number', 'Routing number', d.routing_number, { inputMode: 'numeric' }),
          field('account_number', 'Account number', d.account_number, { inputMode: 'numeric' }),
        ],
      };
    case 'payout':
      return {
        title: 'Withdraw funds',
        intro: `Available balance: ${formatCents(state.balance_cents)}.`,
        button: 'Withdraw',
        fields: [field('amount', 'Amount (USD)', d.amount, { inputMode: 'decimal' })],
      };
    case 'redirect':
      return { title: 'Almost there', intro: 'Continue to finish where you started.', button: 'Continue', fields: [] };
    default:
      return { title: 'Unknown step', intro: '', button: 'Continue', fields: [] };
  }
}

/** The form values the step rules read: text as strings, checkboxes as booleans, the checked radio. */
export function readFields(form) {
  const fields = {};
  for (const input of form.querySelectorAll('input, select')) {
    if (input.type === 'checkbox') fields[input.name] = input.checked;
    else if (input.type === 'radio') {
      if (input.checked) fields[input.name] = input.value;
    } else fields[input.name] = input.value;
  }
  return fields;
}
