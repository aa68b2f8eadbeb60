import type { StepStatus } from '@dots-flow/core';
import { ONBOARDING_STEP, PAYOUT_METHODS, STARTING_BALANCE_CENTS, validateStep } from '../page/stepRules.js';
import type { NormalizedStep } from '../page/stepRules.js';
import type { FlowStore, StoredFlow } from './flowStore.js';

/** What the flow page needs to render a flow: read by `GET /flow/:id/state`. */
export interface PageState {
  id: string;
  user_id: string | null;
  steps: NormalizedStep[];
  completed_steps: string[];
  hide_go_to_dashboard_on_complete: boolean;
  balance_cents: number;
  default_method: string;
}

export type PageError = { httpStatus: 400 | 404 | 409 | 410; code: string; message: string; field?: string | null };

export type CompleteStepResult = { ok: true; status: StepStatus; flow: StoredFlow } | ({ ok: false } & PageError);

/** Finds a flow the page may act on: known and not expired. */
export function findLiveFlow(store: FlowStore, flowId: string): StoredFlow | PageError {
  const flow = store.getFlow(flowId);
  if (!flow) return { httpStatus: 404, code: 'flow_not_found', message: `No flow "${flowId}" in this sandbox.` };
  if (store.isExpired(flow)) {
    return {
      httpStatus: 410,
      code: 'flow_expired',
      message: 'This link has expired. Flows created for a user expire 15 minutes after creation: create a new one.',
    };
  }
  return flow;
}

export function toPageState(store: FlowStore, flow: StoredFlow): PageState {
  const user = flow.userId === null ? undefined : store.getUser(flow.userId);
  return {
    id: flow.id,
    user_id: flow.userId,
    steps: flow.steps,
    completed_steps: [...flow.completed],
    hide_go_to_dashboard_on_complete: flow.hideGoToDashboard,
    balance_cents: user?.balanceCents ?? STARTING_BALANCE_CENTS,
    default_method: user?.defaultMethod ?? PAYOUT_METHODS[0]?.id ?? '',
  };
}

/**
 * Completes `stepName` with the form `fields` the page sent, validating them again as Dots would:
 * steps in order, each completed once unless it keeps the user on it (`hide_continue_button`).
 */
export function completeStep(store: FlowStore, flowId: string, stepName: string, fields: unknown): CompleteStepResult {
  const found = findLiveFlow(store, flowId);
  if (!('id' in found)) return { ok: false, ...found };
  const flow = found;
  const index = flow.steps.findIndex((step) => step.name === stepName);
  const step = flow.steps[index];
  if (!step) {
    return { ok: false, httpStatus: 404, code: 'step_not_in_flow', message: `This flow has no "${stepName}" step.` };
  }
  const pending = flow.steps.slice(0, index).find((earlier) => !flow.completed.includes(earlier.name));
  if (pending) {
    const message = `Complete the "${pending.name}" step before "${stepName}".`;
    return { ok: false, httpStatus: 409, code: 'step_out_of_order', message };
  }
  if (flow.completed.includes(stepName) && !step.hide_continue_button) {
    const message = `The "${stepName}" step is already completed.`;
    return { ok: false, httpStatus: 409, code: 'step_already_completed', message };
  }

  const user = flow.userId === null ? undefined : store.getUser(flow.userId);
  const context = {
    balanceCents: user?.balanceCents ?? STARTING_BALANCE_CENTS,
    defaultMethod: user?.defaultMethod ?? PAYOUT_METHODS[0]?.id ?? '',
  };
  const result = validateStep(stepName, fields, context);
  if (!result.ok)
    return { ok: false, httpStatus: 400, code: 'invalid_field', message: result.message, field: result.field };

  let status: StepStatus = 'completed';
  const value = result.value;
  if (stepName === ONBOARDING_STEP) {
    if (!value.codeSent) {
      return { ok: false, httpStatus: 400, code: 'invalid_field', message: 'Enter the 6-digit code.', field: 'code' };
    }
    flow.userId ??= store.createUser().id;
  } else if (user && value.defaultMethod !== undefined) {
    status = value.changed ? 'completed' : 'completed-saved';
    user.defaultMethod = value.defaultMethod;
  } else if (user && value.amountCents !== undefined) {
    user.balanceCents -= value.amountCents;
  }
  if (!flow.completed.includes(stepName)) flow.completed.push(stepName);
  return { ok: true, status, flow };
}
