// The payout screens: payout methods (`manage-payouts`) and withdrawal (`payout`), with their options.
import { checkbox, el, field } from './formControls.js';
import { DEFAULT_FIELDS, PAYOUT_METHODS, formatCents } from './stepRules.js';

const autoPayoutToggle = (state) =>
  checkbox('auto_payout', 'Pay out automatically when money arrives', state.auto_payout);

/** Payout methods as rail tabs, the current default marked; the auto-payout toggle unless the flow hides it. */
export function managePayoutsView(state, step) {
  const tabs = PAYOUT_METHODS.map((method) =>
    el(
      'div',
      { className: 'tab' },
      el('input', {
        id: `f-${method.id}`,
        type: 'radio',
        name: 'default_method',
        value: method.id,
        checked: method.id === state.default_method,
      }),
      el('label', { for: `f-${method.id}`, textContent: method.label }),
      method.id === state.default_method ? el('span', { className: 'default-tag', textContent: 'Default' }) : null,
    ),
  );
  const requireAuto = step.require_auto_payout_method && step.auto_payout_enabled;
  return {
    title: 'Payout methods',
    intro: 'Choose where your payouts go by default.',
    button: 'Save',
    fields: [
      el('fieldset', {}, el('legend', { textContent: 'Default payout method' }), ...tabs),
      step.auto_payout_enabled ? autoPayoutToggle(state) : null,
    ],
    // Save stays disabled, with the reason under it, until the flow's requirements are met.
    blocker(fields) {
      if (step.require_default_payout_method && !fields.default_method)
        return 'Choose a default payout method to continue.';
      if (requireAuto && fields.auto_payout !== true) return 'Turn on automatic payouts to continue.';
      return null;
    },
  };
}

const FEE_TEXT = {
  platform: 'The payout fee is paid by the platform: you receive the full amount.',
  user: 'The payout fee is paid by you: it is taken from the amount you withdraw.',
};

/** The amount to withdraw, who pays the fee, and the auto-payout toggle unless the flow hides it. */
export function payoutView(state, step) {
  return {
    title: 'Withdraw funds',
    intro: `Available balance: ${formatCents(state.balance_cents)}.`,
    button: 'Withdraw',
    fields: [
      field('amount', 'Amount (USD)', DEFAULT_FIELDS.payout.amount, { inputMode: 'decimal' }),
      el('p', {
        className: 'fee',
        'data-fee-party': step.payout_fee_party ?? 'default',
        textContent: FEE_TEXT[step.payout_fee_party] ?? "The payout fee follows the app's settings.",
      }),
      step.auto_payout_enabled ? autoPayoutToggle(state) : null,
    ],
  };
}
