import type { StepStatus } from '@dots-flow/core';
import { FAILING_BACKGROUND_CHECK_NAME, ONBOARDING_STEP, codeProblem, validateStep } from '../page/stepRules.js';
import type { NormalizedStep } from '../page/stepRules.js';
import type { FlowStore, StoredFlow } from './flowStore.js';
import type { PayoutRefusal } from './payoutStore.js';
import type { SandboxUser } from './userStore.js';
import type { SandboxUserEvent } from './userUpdatedEvents.js';

/** What completing a step does beyond the flow itself: money and payout links. */
export interface StepEffects {
  /** The flow has its user (onboarding done): a payout link's payee claims the link. */
  userReady(flow: StoredFlow, user: SandboxUser): void;
  /** The `payout` step: withdraws to the user's default payout method, or says why not. */
  payout(flow: StoredFlow, user: SandboxUser, cents: number, step: NormalizedStep): PayoutRefusal | null;
  /** A step changed what Dots records about the user: sends the matching `user.updated*` webhook. */
  userUpdated(user: SandboxUser, eventType: SandboxUserEvent): void;
}

const NO_EFFECTS: StepEffects = { userReady: () => {}, payout: () => null, userUpdated: () => {} };

/** What the flow page needs to render a flow: read by `GET /flow/:id/state`. */
export interface PageState {
  id: string;
  /** `null` while onboarding (shown first by the page) is pending. */
  user_id: string | null;
  steps: NormalizedStep[];
  completed_steps: string[];
  hide_go_to_dashboard_on_complete: boolean;
  /** The user must enter an SMS code before going on (after the sign-in window, or `require_auth`). */
  auth_required: boolean;
  /** Last digits of the phone the code goes to, when the sandbox knows it. */
  phone_hint: string | null;
  balance_cents: number;
  default_method: string | null;
  auto_payout: boolean;
}

export type PageError = {
  httpStatus: 400 | 401 | 404 | 409;
  code:
    | 'invalid-input'
    | 'not-found'
    | 'authentication-required'
    | 'step-out-of-order'
    | 'step-already-completed'
    | 'transaction-insufficient-funds';
  message: string;
  field?: string | null;
};

export type PageResult = { ok: true; status: StepStatus; flow: StoredFlow } | ({ ok: false } & PageError);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const notFound = (flowId: string): PageError => ({
  httpStatus: 404,
  code: 'not-found',
  message: `No flow "${flowId}" in this sandbox.`,
});

export function toPageState(store: FlowStore, flow: StoredFlow): PageState {
  const user = flow.userId === null ? undefined : store.getUser(flow.userId);
  return {
    id: flow.id,
    user_id: flow.userId,
    steps: flow.steps,
    completed_steps: [...flow.completed],
    hide_go_to_dashboard_on_complete: flow.hideGoToDashboard,
    auth_required: store.needsCode(flow),
    phone_hint: user?.phone ? user.phone.slice(-4) : null,
    balance_cents: user?.balanceCents ?? 0,
    default_method: user?.defaultMethod ?? null,
    auto_payout: user?.autoPayout ?? false,
  };
}

/** Signs the flow's user in again with the SMS code (`POST /flow/:id/auth`). */
export function verifyCode(store: FlowStore, flowId: string, fields: unknown): PageResult {
  const flow = store.getFlow(flowId);
  if (!flow) return { ok: false, ...notFound(flowId) };
  if (flow.userId === null) {
    return {
      ok: false,
      httpStatus: 409,
      code: 'step-out-of-order',
      message: 'This flow has no user yet: onboard first.',
    };
  }
  const problem = codeProblem(fields);
  if (problem)
    return { ok: false, httpStatus: 400, code: 'invalid-input', message: problem.message, field: problem.field };
  store.signIn(flow);
  return { ok: true, status: 'completed', flow };
}

/**
 * Completes `stepName` with the form `fields` the page sent, validating them again as Dots would:
 * onboarding first when there is no user, an SMS code when the sign-in window has passed, then the
 * steps in order, each completed once unless it keeps the user on it (`hide_continue_button`).
 */
export function completeStep(
  store: FlowStore,
  flowId: string,
  stepName: string,
  fields: unknown,
  effects: StepEffects = NO_EFFECTS,
): PageResult {
  const flow = store.getFlow(flowId);
  if (!flow) return { ok: false, ...notFound(flowId) };

  if (stepName === ONBOARDING_STEP) {
    if (flow.userId !== null) {
      const message = 'Onboarding is already done: this flow has a user.';
      return { ok: false, httpStatus: 409, code: 'step-already-completed', message };
    }
    const result = validateStep(ONBOARDING_STEP, fields, { balanceCents: 0, defaultMethod: null, autoPayout: false });
    if (!result.ok)
      return { ok: false, httpStatus: 400, code: 'invalid-input', message: result.message, field: result.field };
    if (!result.value.codeSent || !result.value.phone) {
      return { ok: false, httpStatus: 400, code: 'invalid-input', message: 'Enter the 6-digit code.', field: 'code' };
    }
    const user = store.onboard(flow, result.value.phone);
    effects.userReady(flow, user);
    return { ok: true, status: 'completed', flow };
  }

  const index = flow.steps.findIndex((step) => step.name === stepName);
  const step = flow.steps[index];
  if (!step) return { ok: false, httpStatus: 404, code: 'not-found', message: `This flow has no "${stepName}" step.` };
  if (flow.userId === null) {
    const message = `Complete onboarding (the phone check) before "${stepName}".`;
    return { ok: false, httpStatus: 409, code: 'step-out-of-order', message };
  }
  if (store.needsCode(flow)) {
    const message = 'Enter the SMS code sent to your phone to go on.';
    return { ok: false, httpStatus: 401, code: 'authentication-required', message };
  }
  const pending = flow.steps.slice(0, index).find((earlier) => !flow.completed.includes(earlier.name));
  if (pending) {
    const message = `Complete the "${pending.name}" step before "${stepName}".`;
    return { ok: false, httpStatus: 409, code: 'step-out-of-order', message };
  }
  if (flow.completed.includes(stepName) && !step.hide_continue_button) {
    const message = `The "${stepName}" step is already completed.`;
    return { ok: false, httpStatus: 409, code: 'step-already-completed', message };
  }

  const user = store.getUser(flow.userId);
  const context = {
    balanceCents: user?.balanceCents ?? 0,
    defaultMethod: user?.defaultMethod ?? null,
    autoPayout: user?.autoPayout ?? false,
    step,
  };
  const result = validateStep(stepName, fields, context);
  if (!result.ok)
    return { ok: false, httpStatus: 400, code: 'invalid-input', message: result.message, field: result.field };

  let status: StepStatus = 'completed';
  const value = result.value;
  if (stepName === 'manage-payouts') status = value.changed ? 'completed' : 'completed-saved';
  if (user) {
    if (value.amountCents !== undefined) {
      const refusal = effects.payout(flow, user, value.amountCents, step);
      if (refusal)
        return { ok: false, httpStatus: 400, code: refusal.code, message: refusal.message, field: refusal.field };
    }
    // Events only for real changes: a manage-payouts save that keeps the default sends none.
    if (value.defaultMethod !== undefined && value.defaultMethod !== user.defaultMethod) {
      user.defaultMethod = value.defaultMethod;
      effects.userUpdated(user, 'user.updated.default_payout_method_changed');
    }
    if (value.autoPayout !== undefined) user.autoPayout = value.autoPayout;
    if (stepName === 'id-verification' && !user.idVerified) {
      user.idVerified = true;
      effects.userUpdated(user, 'user.updated.id_verified');
    }
    if (stepName === 'background-check') {
      const failed = isRecord(fields) && fields['full_name'] === FAILING_BACKGROUND_CHECK_NAME;
      user.backgroundCheck = { status: failed ? 'failed' : 'pass', updatedMs: store.now() };
      effects.userUpdated(user, 'user.updated.background_check');
    }
  }
  if (!flow.completed.includes(stepName)) flow.completed.push(stepName);
  return { ok: true, status, flow };
}
