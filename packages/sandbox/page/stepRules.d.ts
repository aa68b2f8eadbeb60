// Types for stepRules.js, which the sandbox server imports at runtime (the page imports it directly).

export interface NormalizedStep {
  name: string;
  hide_continue_button: boolean;
  redirect_url: string | null;
}

export type RuleFailure = { ok: false; message: string; field: string | null };

export interface StepContext {
  balanceCents: number;
  defaultMethod: string;
}

export type StepValue = {
  phone?: string;
  codeSent?: boolean;
  defaultMethod?: string;
  changed?: boolean;
  amountCents?: number;
};

export const STEP_NAMES: readonly string[];
export const ONBOARDING_STEP: 'onboarding';
export const TEST_CODE: string;
export const STARTING_BALANCE_CENTS: number;
export const PAYOUT_METHODS: readonly { id: string; label: string }[];
export const DEFAULT_FIELDS: Readonly<Record<string, Readonly<Record<string, string | boolean>>>>;
export const DOCUMENT_TYPES: readonly { id: string; label: string }[];

export function isHttpUrl(value: unknown): value is string;
export function parseStepInputs(
  value: unknown,
  stepNames: readonly string[],
): { ok: true; steps: NormalizedStep[] } | RuleFailure;
export function normalizePhone(value: unknown): string | null;
export function isRoutingNumber(value: string): boolean;
export function parseAmountCents(value: unknown): number | null;
export function validateStep(
  name: string,
  fields: unknown,
  context: StepContext,
): { ok: true; value: StepValue } | RuleFailure;
export function formatCents(cents: number): string;
