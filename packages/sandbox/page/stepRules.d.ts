// Types for stepRules.js, which the sandbox server imports at runtime (the page imports it directly).

/** A requested step with every option, defaults filled in. */
export interface NormalizedStep {
  name: string;
  hide_continue_button: boolean;
  auto_payout_enabled: boolean;
  redirect_url: string | null;
  template_id: string | null;
  require_default_payout_method: boolean;
  require_auto_payout_method: boolean;
  payout_fee_party: 'platform' | 'user' | null;
}

export type RuleFailure = { ok: false; message: string; field: string | null };

export interface StepContext {
  balanceCents: number;
  defaultMethod: string | null;
  autoPayout: boolean;
  /** The step's options; defaults when absent. */
  step?: NormalizedStep;
}

export type StepValue = {
  phone?: string;
  codeSent?: boolean;
  defaultMethod?: string | null;
  autoPayout?: boolean;
  changed?: boolean;
  amountCents?: number;
};

export { STEP_OPTIONS, PAYOUT_FEE_PARTIES, isHttpUrl, isRedirectUrl } from './stepOptions.js';
export const STEP_NAMES: readonly string[];
export const ONBOARDING_STEP: 'onboarding';
export const ONBOARDING_ALIASES: readonly string[];
export const TEST_CODE: string;
export const FAILING_BACKGROUND_CHECK_NAME: string;
export const PAYOUT_METHODS: readonly { id: string; label: string }[];
export const DEFAULT_FIELDS: Readonly<Record<string, Readonly<Record<string, string | boolean>>>>;
export const DOCUMENT_TYPES: readonly { id: string; label: string }[];

export function defaultStep(name: string): NormalizedStep;
export function parseStepInputs(
  value: unknown,
  stepNames: readonly string[],
  options?: { strict?: boolean },
): { ok: true; steps: NormalizedStep[] } | RuleFailure;
export function normalizePhone(value: unknown): string | null;
export function isRoutingNumber(value: string): boolean;
export function parseAmountCents(value: unknown): number | null;
export function codeProblem(fields: unknown): RuleFailure | null;
export function validateStep(
  name: string,
  fields: unknown,
  context: StepContext,
): { ok: true; value: StepValue } | RuleFailure;
export function formatCents(cents: number): string;
