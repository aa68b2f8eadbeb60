/**
 * Every step name Dots accepts when a flow is created (spec `POST /v2/flows`, `steps` items): the single
 * source of truth from which `StepName` and the runtime checks are derived.
 */
export const STEPS = [
  'compliance',
  'id-verification',
  'background-check',
  'manage-payouts',
  'manage-payments',
  'payout',
  'redirect',
  'pdf-form-fill',
] as const;

export type StepName = (typeof STEPS)[number];

/**
 * Names Dots' docs use for the phone-verification step it puts first when a flow has no `user_id`
 * (`docs/flows/overview.mdx` says "authentication" and "onboarding", `docs/guides/flow-payouts.mdx` "onboard").
 * They may appear in iframe messages, never in a create request or in a flow's `steps`.
 */
export const ONBOARDING_STEPS = ['onboarding', 'onboard', 'authentication', 'authorization'] as const;

export type OnboardingStepName = (typeof ONBOARDING_STEPS)[number];

/** A step as it can appear in a flow's progress: a requested step or the onboarding step. */
export type FlowStepName = StepName | 'onboarding';

/** Statuses a step completion message may carry. */
export const STEP_STATUSES = ['completed', 'completed-saved'] as const;

export type StepStatus = (typeof STEP_STATUSES)[number];

/** Who pays the payout fee (`payout` step option `payout_fee_party`). */
export const PAYOUT_FEE_PARTIES = ['platform', 'user'] as const;

export type PayoutFeeParty = (typeof PAYOUT_FEE_PARTIES)[number];

/** Options every step takes. */
export interface StepOptions {
  /** Keep the user on this step after it completes (no Continue button). */
  hide_continue_button?: boolean;
}

/** Options of the payout-method steps (`manage-payouts`, and `auto_payout_enabled` on `payout` too). */
export interface AutoPayoutOptions {
  /** Offer (default) or hide the auto-payout setting. */
  auto_payout_enabled?: boolean;
}

/** Options per step, as Dots' spec and guides give them. */
export interface StepOptionsByName {
  compliance: StepOptions;
  'id-verification': StepOptions;
  'background-check': StepOptions;
  'manage-payments': StepOptions;
  'manage-payouts': StepOptions &
    AutoPayoutOptions & {
      /** Save is refused until the user has a default payout method. */
      require_default_payout_method?: boolean;
      /** Save is refused until the user has turned auto payout on. */
      require_auto_payout_method?: boolean;
    };
  payout: StepOptions &
    AutoPayoutOptions & {
      /** Who pays the payout fee; overrides the app's default. */
      payout_fee_party?: PayoutFeeParty;
    };
  redirect: StepOptions & {
    /** Where the `redirect` step sends the user (http or https). */
    redirect_url?: string;
  };
  'pdf-form-fill': StepOptions & {
    /** The PDF template to fill: required for this step. */
    template_id: string;
  };
}

/** A step with options: `{ name, ...options }`, typed per step. */
export type StepWithOptions = { [Name in StepName]: { name: Name } & StepOptionsByName[Name] }[StepName];

/** A step in a create request: a name (except `pdf-form-fill`, which needs its `template_id`), or a name with options. */
export type StepInput = Exclude<StepName, 'pdf-form-fill'> | StepWithOptions;

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
 * name as is, any of `ONBOARDING_STEPS` as `'onboarding'`, and `null` for anything else.
 */
export function flowStepNameOf(value: unknown): FlowStepName | null {
  return has(ONBOARDING_STEPS, value) ? 'onboarding' : isStepName(value) ? value : null;
}

/** True when `value` is one of `STEP_STATUSES`. */
export function isStepStatus(value: unknown): value is StepStatus {
  return has(STEP_STATUSES, value);
}
