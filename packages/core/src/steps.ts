/**
 * Every step name Dots accepts when a flow is created: the single source of truth
 * from which `StepName` and the runtime checks are derived.
 */
export const STEPS = [
  'compliance',
  'id-verification',
  'background-check',
  'manage-payouts',
  'manage-payments',
  'payout',
  'redirect',
] as const;

export type StepName = (typeof STEPS)[number];

/**
 * Names Dots uses for the phone-verification step it puts first when a flow has no `user_id`.
 * They appear in iframe messages and session state, never in a create request.
 */
export const ONBOARDING_STEPS = ['onboarding', 'authorization'] as const;

export type OnboardingStepName = (typeof ONBOARDING_STEPS)[number];

/** A step as it can appear in a flow's progress: a requested step or the onboarding step. */
export type FlowStepName = StepName | 'onboarding';

/** Statuses a step completion message may carry. */
export const STEP_STATUSES = ['completed', 'completed-saved'] as const;

export type StepStatus = (typeof STEP_STATUSES)[number];

export interface StepOptions {
  /** Keep the user on this step after it completes (no Continue button). */
  hide_continue_button?: boolean;
  /** Where the `redirect` step sends the user. */
  redirect_url?: string;
}

/** A step in a create request: a name, or a name with options. */
export type StepInput = StepName | ({ name: StepName } & StepOptions);

// `includes` compares with SameValueZero, so only the listed strings themselves ever match.
const has = (list: readonly string[], value: unknown): boolean => list.includes(value as string);

/** True when `value` is one of `STEPS`. */
export function isStepName(value: unknown): value is StepName {
  return has(STEPS, value);
}

/** The name of a step input: `'payout'` and `{ name: 'payout' }` both give `'payout'`. */
export function stepNameOf(step: StepInput): StepName {
  return typeof step === 'string' ? step : step.name;
}

/**
 * The session's name for a step named by Dots (in a message or a flow's `steps`): a known step
 * name as is, `'authorization'` or `'onboarding'` as `'onboarding'`, and `null` for anything else.
 */
export function flowStepNameOf(value: unknown): FlowStepName | null {
  return has(ONBOARDING_STEPS, value) ? 'onboarding' : isStepName(value) ? value : null;
}

/** True when `value` is one of `STEP_STATUSES`. */
export function isStepStatus(value: unknown): value is StepStatus {
  return has(STEP_STATUSES, value);
}
