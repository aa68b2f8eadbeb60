import type { FlowStepName } from '@dots-flow/core';

/** Overrides for step labels, e.g. translations: `{ compliance: 'Datos fiscales' }`. */
export type StepLabels = Partial<Record<FlowStepName, string>>;

/**
 * A short, readable label for every step a flow can show (typed as a full record, so a new step can't be
 * missed). A plain literal, not `Object.freeze(...)`: a call would keep it in bundles that never use it.
 */
export const STEP_LABELS: Readonly<Record<FlowStepName, string>> = {
  onboarding: 'Verify phone',
  compliance: 'Tax information',
  'id-verification': 'Identity verification',
  'background-check': 'Background check',
  'manage-payouts': 'Payout method',
  'manage-payments': 'Bank account',
  payout: 'Withdraw',
  redirect: 'Finish',
  'pdf-form-fill': 'Sign document',
};

const own = (record: object, key: string): string | undefined => {
  const value: unknown = Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/**
 * The label for `step`: the override, else the default, else the raw name (steps in a flow may be
 * newer than this package). Only own string properties count, so `'__proto__'` or `'toString'` stay plain text.
 *
 * @example
 * stepLabel('compliance', { compliance: 'Datos fiscales' }) // 'Datos fiscales'
 */
export function stepLabel(step: string, labels?: StepLabels): string {
  return (labels ? own(labels, step) : undefined) ?? own(STEP_LABELS, step) ?? String(step);
}
