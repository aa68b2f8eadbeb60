// Where the flow page keeps its state: the sandbox server (served at /flow/:id), or the page itself
// (static mode: the flow's configuration in `?config=`, no server calls at all).
import { ONBOARDING_STEP, STEP_NAMES, codeProblem, parseStepInputs, validateStep } from './stepRules.js';

/** Backend for a page served by the sandbox at `/flow/:id`: reads state, completes steps, signs in over HTTP. */
export function serverBackend(flowPath) {
  const failure = async (response) => {
    const body = await response.json().catch(() => null);
    const error = body && typeof body.error === 'object' && body.error !== null ? body.error : {};
    const message = typeof error.message === 'string' ? error.message : `The sandbox answered ${response.status}.`;
    if (response.status === 401) return { ok: false, kind: 'auth', message };
    if (response.status === 404 && error.code === 'not-found') return { ok: false, kind: 'not_found', message };
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
  const post = async (path, body) => {
    try {
      const response = await fetch(`${flowPath}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
      });
      return response.ok ? { ok: true, ...(await response.json()) } : await failure(response);
    } catch {
      return offline;
    }
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
    complete: (step, fields) => post(`/steps/${encodeURIComponent(step)}`, { fields }),
    verifyCode: (code) => post('/auth', { code }),
  };
}

/**
 * Decodes `?config=` (base64url of UTF-8 JSON `{ steps, user_id?, hide_go_to_dashboard_on_complete?,
 * require_auth?, balance_cents? }`), with the same step rules as the API.
 */
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
    const requireAuth = config.require_auth ?? false;
    if (typeof hide !== 'boolean' || typeof requireAuth !== 'boolean') return { ok: false };
    // No server, so no transfer can fund the user: the link says what their wallet holds (empty by default).
    const balance = config.balance_cents ?? 0;
    if (!Number.isSafeInteger(balance) || balance < 0) return { ok: false };
    return {
      ok: true,
      steps: steps.steps,
      userId,
      hideGoToDashboard: hide,
      requireAuth: requireAuth && userId !== null,
      balanceCents: balance,
    };
  } catch {
    return { ok: false };
  }
}

/** Backend for static mode: the same rules as the server, applied in the page; no sign-in window expires. */
export function staticBackend(config) {
  const state = {
    id: null,
    user_id: config.userId,
    steps: config.steps,
    completed_steps: [],
    hide_go_to_dashboard_on_complete: config.hideGoToDashboard,
    auth_required: config.requireAuth,
    phone_hint: null,
    balance_cents: config.balanceCents,
    default_method: null,
    auto_payout: false,
  };
  const snapshot = () => structuredClone(state);
  const fieldError = (result) => ({ ok: false, kind: 'field', field: result.field, message: result.message });
  return {
    async load() {
      return { ok: true, state: snapshot() };
    },
    async complete(name, fields) {
      if (state.auth_required) return { ok: false, kind: 'auth', message: 'Enter the SMS code to go on.' };
      const step = state.steps.find((s) => s.name === name);
      const context = {
        balanceCents: state.balance_cents,
        defaultMethod: state.default_method,
        autoPayout: state.auto_payout,
        step,
      };
      const result = validateStep(name, fields, context);
      if (!result.ok) return fieldError(result);
      let status = 'completed';
      const value = result.value;
      if (name === ONBOARDING_STEP) {
        state.user_id ??= `user_static_${Math.random().toString(36).slice(2, 12)}`;
        state.phone_hint = value.phone.slice(-4);
        return { ok: true, status, state: snapshot() };
      }
      if (name === 'manage-payouts') status = value.changed ? 'completed' : 'completed-saved';
      if (value.defaultMethod !== undefined) state.default_method = value.defaultMethod;
      if (value.autoPayout !== undefined) state.auto_payout = value.autoPayout;
      if (value.amountCents !== undefined) state.balance_cents -= value.amountCents;
      if (!state.completed_steps.includes(name)) state.completed_steps.push(name);
      return { ok: true, status, state: snapshot() };
    },
    async verifyCode(code) {
      const problem = codeProblem({ code });
      if (problem) return fieldError(problem);
      state.auth_required = false;
      return { ok: true, status: 'completed', state: snapshot() };
    },
  };
}
