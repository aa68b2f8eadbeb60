// Types for stepOptions.js (imported by stepRules.js, the page and the sandbox server).

export interface StepOptionRule {
  type: 'boolean' | 'redirect-url' | 'template-id' | 'fee-party';
  default: boolean | string | null;
  /** The steps the option applies to; `null` for every step. */
  steps: readonly string[] | null;
  typedEverywhere?: boolean;
}

export const STEP_OPTIONS: Readonly<Record<string, StepOptionRule>>;
export const PAYOUT_FEE_PARTIES: readonly ['platform', 'user'];
export function isHttpUrl(value: unknown): value is string;
export function isRedirectUrl(value: unknown): value is string;
export function optionError(option: StepOptionRule, value: unknown): string | null;
