// The screens of the flow page: one accessible form per step, pre-filled with valid test data.
import { checkbox, el, field, select } from './formControls.js';
import { managePayoutsView, payoutView } from './payoutForms.js';
import { DEFAULT_FIELDS, DOCUMENT_TYPES, TEST_CODE, defaultStep } from './stepRules.js';

const codeField = () =>
  field('code', 'Verification code', DEFAULT_FIELDS.onboarding.code, {
    inputMode: 'numeric',
    autocomplete: 'one-time-code',
  });

/** The SMS-code screen for a user the flow knows: after the sign-in window, or from the start with `require_auth`. */
export function reauthView(state) {
  const phone = state.phone_hint ? `your phone ending in ${state.phone_hint}` : 'the phone number on your account';
  return {
    title: 'Verify it’s you',
    intro: `For your security, enter the 6-digit code we texted to ${phone}. In the sandbox the code is always ${TEST_CODE}.`,
    button: 'Verify',
    fields: [codeField()],
  };
}

/** A stand-in PDF: the template id it was made from, and lines of text. */
const pdfDocument = (templateId) =>
  el(
    'figure',
    { className: 'document', 'aria-label': 'Document to sign' },
    el('figcaption', { textContent: `Template ${templateId}` }),
    ...['Name', 'Address', 'Tax classification', 'Signature'].map((line) =>
      el('p', { textContent: `${line}: ______` }),
    ),
  );

/** Title, intro, primary button and fields of each step. `phase` is the onboarding sub-screen. */
export function stepView(name, { state, phase, step = defaultStep(name) }) {
  const d = DEFAULT_FIELDS[name] ?? {};
  switch (name) {
    case 'onboarding':
      return phase === 'code'
        ? {
            title: 'Enter the code',
            intro: `We sent a 6-digit code by text message. In the sandbox the code is always ${TEST_CODE}.`,
            button: 'Verify',
            fields: [codeField()],
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
      return managePayoutsView(state, step);
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
      return payoutView(state, step);
    case 'redirect':
      return { title: 'Almost there', intro: 'Continue to finish where you started.', button: 'Continue', fields: [] };
    case 'pdf-form-fill':
      return {
        title: 'Sign a document',
        intro: 'Read the document below, then sign it by typing your full name.',
        button: 'Sign',
        fields: [
          pdfDocument(step.template_id),
          field('full_name', 'Full name (signature)', d.full_name, { autocomplete: 'name' }),
          checkbox('agree', 'I have read the document and agree to sign it', d.agree),
        ],
      };
    default:
      return { title: 'Unknown step', intro: '', button: 'Continue', fields: [] };
  }
}
