// Where the flow page keeps its state: the sandbox server (served at /flow/:id), or the page itself
// (static mode: the flow's configuration in `?config=`, no server calls at all).
import {
  ONBOARDING_STEP,
  PAYOUT_METHODS,
  STARTING_BALANCE_CENTS,
  STEP_NAMES,
  parseStepInputs,
  validateStep,
} from './stepRules.js';

/** Backend for a page served by the sandbox at `/flow/:id`: reads state and completes steps over HTTP. */
export function serverBackend(flowPath) {
  const failure = async (response) => {
    const body = await response.json().catch(() => null);
    const error = body && typeof body.error === 'object' && body.error !== null ? body.error : {};
    const message = typeof error.message === 'string' ? error.message : `The sandbox answered ${response.status}.`;
    if (response.status === 410) return { ok: false, kind: 'expired', message };
    if (response.status === 404 && error.code === 'flow_not_found') return { ok: false, kind: 'not_found', message };
    if (response.status === 400 && typeof error.field === 'string') {
      return { ok: false, kind: 'field', field: error.field, message };
    }
    return { ok: false, kind: 'error', message };
  };
  const offline = {
    ok: false,
    kind: 'error',
    message: 'Could not reach the sandbox. Check it is running and try again.',
  };
  return {
    async load() {
      try {
        const response = await fetch(`${flowPath}/state`, { headers: { accept: 'application/json' } });
        return response.ok ? { ok: true, state: await response.json() } : await failure(response);
      } catch {
        return offline;
      }
    },
    async complete(step, fields) {
      try {
        const response = await fetch(`${flowPath}/steps/${encodeURIComponent(step)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ fields }),
        });
        return response.ok ? { ok: true, ...(await response.json()) } : await failure(response);
      } catch {
        return offline;
      }
    },
  };
}

/** Decodes `?config=` (base64url of UTF-8 JSON `{ steps, user_id?, hide_go_to_dashboard_on_complete? }`). */
export function decodeStaticConfig(raw) {
  try {
    const base64 = raw.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (c) => c.charCodeAt(0));
    const config = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    if (typeof config !== 'object' || config === null || Array.isArray(config)) return { ok: false };
    const steps = parseStepInputs(config.steps, STEP_NAMES);
    if (!steps.ok) return { ok: false, message: steps.message };
    const userId = config.user_id ?? null;
    if (userId !== null && (typeof userId !== 'string' || userId === '')) return { ok: false };
    const hide = config.hide_go_to_dashboard_on_complete ?? false;
    if (typeof hide !== 'boolean') return { ok: false };
    return { ok: true, steps: steps.steps, userId, hideGoToDashboard: hide };
  } catch {
    return { ok: false };
  }
}

/** Backend for static mode: the same rules as the server, applied in the page. */
export function staticBackend(config) {
  const onboarding = { name: ONBOARDING_STEP, hide_continue_button: false, redirect_url: null };
  const state = {
    id: null,
    user_id: config.userId,
    steps: config.userId === null ? [onboarding, ...config.steps] : config.steps,
    completed_steps: [],
    hide_go_to_dashboard_on_complete: config.hideGoToDashboard,
    balance_cents: STARTING_BALANCE_CENTS,
    default_method: PAYOUT_METHODS[0].id,
  };
  const snapshot = () => structuredClone(state);
  return {
    async load() {
      return { ok: true, state: snapshot() };
    },
    async complete(step, fields) {
      const result = validateStep(step, fields, {
        balanceCents: state.balance_cents,
        defaultMethod: state.default_method,
      });
      if (!result.ok) return { ok: false, kind: 'field', field: result.field, message: result.message };
      let status = 'completed';
      if (step === ONBOARDING_STEP) {
        state.user_id ??= `user_static_${Math.random().toString(36).slice(2, 12)}`;
      } else if (step === 'manage-payouts') {
        status = result.value.changed ? 'completed' : 'completed-saved';
        state.default_method = result.value.defaultMethod;
      } else if (step === 'payout') {
        state.balance_cents -= result.value.amountCents;
      }
      if (!state.completed_steps.includes(step)) state.completed_steps.push(step);
      return { ok: true, status, state: snapshot() };
    },
  };
}
