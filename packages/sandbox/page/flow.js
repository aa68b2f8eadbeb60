// The sandbox flow page: walks the user through the flow's steps and tells its parent what happened,
// with exactly the messages Dots documents. Server mode at /flow/:id, static mode with ?config=.
import { decodeStaticConfig, serverBackend, staticBackend } from './flowBackends.js';
import { applyStyles, parseStyles } from './flowStyles.js';
import { el, readFields } from './formControls.js';
import { createMessenger } from './frameMessages.js';
import { reauthView, stepView } from './stepForms.js';
import { ONBOARDING_STEP, PAYOUT_METHODS, codeProblem, defaultStep, validateStep } from './stepRules.js';

const REDIRECT_DELAY_MS = 300;
const ONBOARDING = defaultStep(ONBOARDING_STEP);
const app = document.getElementById('app');
// flow.css already shows the page (scripts run after the stylesheets they follow); the attribute only kept the
// unstyled first paint empty. Gone now, so no tool reads the page as hidden.
app.hidden = false;
const messenger = createMessenger();

let backend;
let state;
/** Onboarding counts in the progress when the flow started without a user. */
let startedWithoutUser = false;
let phase = 'phone';
let phone = '';
/** The manage-payouts step after a save, waiting for Continue (only without hide_continue_button). */
let awaitingContinue = null;
let notice = null;
let busy = false;

const context = (step) => ({
  balanceCents: state.balance_cents,
  defaultMethod: state.default_method,
  autoPayout: state.auto_payout,
  step,
});

/** What is on screen: onboarding while there is no user, the SMS code when asked, then the steps. */
function currentScreen() {
  if (state.user_id === null) return { kind: 'step', step: ONBOARDING };
  if (state.auth_required) return { kind: 'reauth' };
  // The first step not yet completed, or one that keeps the user on it after completion.
  const step = state.steps.find(
    (s) => s.hide_continue_button || s.name === awaitingContinue || !state.completed_steps.includes(s.name),
  );
  return step ? { kind: 'step', step } : { kind: 'done' };
}

function show(title, children, { focus = false, progress = null } = {}) {
  const heading = el('h1', { id: 'step-title', textContent: title, tabIndex: -1 });
  const nodes = [
    el('p', { className: 'sandbox-badge', textContent: 'Dots sandbox · test data only' }),
    progress ? el('p', { className: 'progress', textContent: progress }) : null,
    heading,
    ...children,
  ];
  // replaceChildren would print a null as the text "null".
  app.replaceChildren(...nodes.filter((node) => node !== null));
  if (focus) heading.focus();
}

const STOPPED = {
  not_found: ['Flow not found', 'This flow does not exist in the sandbox (it may have been restarted).'],
  invalid: ['This flow link is not valid', 'The flow configuration in the link could not be read.'],
  error: ['Something went wrong', 'The sandbox could not load this flow.'],
};

/** A dead end: explains why and posts nothing, now or later. */
function stop(kind, detail) {
  messenger.stop();
  const [title, text] = STOPPED[kind] ?? STOPPED.error;
  show(title, [el('p', { textContent: text }), detail ? el('p', { className: 'muted', textContent: detail }) : null]);
}

function showError(form, fieldName, message) {
  form.querySelector('#form-error')?.remove();
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  const alert = el('p', { id: 'form-error', className: 'alert', role: 'alert', textContent: message });
  form.querySelector('button')?.before(alert);
  const input = fieldName ? form.querySelector(`[name="${CSS.escape(fieldName)}"]`) : null;
  if (input) {
    input.setAttribute('aria-invalid', 'true');
    const described = (input.getAttribute('aria-describedby') ?? '').replace('form-error', '').trim();
    input.setAttribute('aria-describedby', `${described} form-error`.trim());
    input.focus();
  }
}

function noticeFor(step, status) {
  if (step.name !== 'manage-payouts') return 'Done. You can submit again to make changes.';
  if (status === 'completed-saved') return 'Saved. Your payout settings are unchanged.';
  const method = PAYOUT_METHODS.find((m) => m.id === state.default_method);
  return method ? `Saved. Payouts now go to ${method.label} by default.` : 'Saved. Your payout settings are updated.';
}

/** Sends the form to the backend; on success `then(result)` runs, on a lapsed sign-in the code screen shows. */
async function send(form, request, then) {
  busy = true;
  for (const control of form.elements) control.disabled = true;
  const result = await request();
  busy = false;
  if (!result.ok) {
    if (result.kind === 'not_found') return stop(result.kind);
    if (result.kind === 'auth') {
      state = { ...state, auth_required: true };
      notice = null;
      return render({ focus: true });
    }
    for (const control of form.elements) control.disabled = false;
    return showError(form, result.field ?? null, result.message);
  }
  state = result.state;
  return then(result);
}

async function submitCode(event, form) {
  event.preventDefault();
  if (busy) return;
  const { code } = readFields(form);
  const problem = codeProblem({ code });
  if (problem) return showError(form, problem.field, problem.message);
  // Signing in again is not a step of the flow: nothing is posted to the host.
  await send(
    form,
    () => backend.verifyCode(code),
    () => render({ focus: true }),
  );
}

async function submit(event, step, form) {
  event.preventDefault();
  if (busy) return;
  const fields = readFields(form);
  if (step.name === ONBOARDING_STEP && phase === 'phone') {
    const checked = validateStep(ONBOARDING_STEP, { phone: fields.phone }, context(step));
    if (!checked.ok) return showError(form, checked.field, checked.message);
    phone = fields.phone;
    phase = 'code';
    return render({ focus: true });
  }
  const payload = step.name === ONBOARDING_STEP ? { phone, code: fields.code } : fields;
  const checked = validateStep(step.name, payload, context(step));
  if (!checked.ok) return showError(form, checked.field, checked.message);

  await send(
    form,
    () => backend.complete(step.name, payload),
    (result) => {
      messenger.stepCompleted(step.name, result.status);
      if (step.name === 'redirect' && step.redirect_url) return redirect(step.redirect_url);
      if (step.hide_continue_button) notice = noticeFor(step, result.status);
      else if (step.name === 'manage-payouts') {
        awaitingContinue = step.name;
        notice = `${noticeFor(step, result.status)} Continue when you are ready.`;
      } else notice = null;
      render({ focus: true });
    },
  );
}

function redirect(url) {
  const link = el('a', { href: url, target: '_top', textContent: `Continue to ${new URL(url).host}` });
  show('Redirecting…', [el('p', {}, link)], { focus: true });
  // The pause lets the host receive the completion before its page goes away; it stays well inside
  // the click's user activation, which a framed page needs to navigate the top window.
  setTimeout(() => window.open(url, '_top'), REDIRECT_DELAY_MS);
}

function renderDone() {
  const items = [el('p', { textContent: 'You completed every step. You can close this window.' })];
  if (!state.hide_go_to_dashboard_on_complete) {
    const link = el('a', { className: 'dashboard', href: '/', target: '_blank', rel: 'noopener' }, 'Go to dashboard');
    items.push(el('p', {}, link));
  }
  show('All done', items, { focus: true });
}

/** Keeps the primary button disabled, with the reason under it, while `blocker` names one. */
function watchBlocker(form, button, blocker) {
  const hint = el('p', { className: 'hint', id: 'submit-hint', 'aria-live': 'polite' });
  button.after(hint);
  button.setAttribute('aria-describedby', 'submit-hint');
  const update = () => {
    const reason = blocker(readFields(form));
    button.disabled = reason !== null;
    hint.textContent = reason ?? '';
  };
  form.addEventListener('change', update);
  update();
}

function render({ focus }) {
  const screen = currentScreen();
  if (screen.kind === 'done') return renderDone();
  const step = screen.kind === 'step' ? screen.step : null;
  const view = step ? stepView(step.name, { state, phase, step }) : reauthView(state);
  const waiting = step !== null && awaitingContinue === step.name;
  const button = waiting
    ? el('button', { type: 'button', textContent: 'Continue', onclick: () => continueOn(step) })
    : el('button', { type: 'submit', textContent: view.button });
  const form = el(
    'form',
    { noValidate: true, 'aria-labelledby': 'step-title' },
    ...view.fields,
    notice ? el('p', { className: 'notice', role: 'status', textContent: notice }) : null,
    button,
  );
  if (waiting) for (const input of form.querySelectorAll('input, select')) input.disabled = true;
  else if (view.blocker) watchBlocker(form, button, view.blocker);
  form.addEventListener('submit', (event) => void (step ? submit(event, step, form) : submitCode(event, form)));
  const offset = startedWithoutUser ? 1 : 0;
  const index = step === null ? -1 : step === ONBOARDING ? 0 : state.steps.indexOf(step) + offset;
  show(view.title, [view.intro ? el('p', { textContent: view.intro }) : null, form], {
    focus,
    progress: index < 0 ? null : `Step ${index + 1} of ${state.steps.length + offset}`,
  });
}

function continueOn(step) {
  if (awaitingContinue === step.name) awaitingContinue = null;
  notice = null;
  render({ focus: true });
}

async function boot() {
  const params = new URLSearchParams(location.search);
  applyStyles(
    document.documentElement,
    parseStyles(params.get('styles'), (p, v) => CSS.supports(p, v)),
  );
  if (params.has('config')) {
    const config = decodeStaticConfig(params.get('config'));
    if (!config.ok) return stop('invalid', config.message);
    backend = staticBackend(config);
  } else if (/\/flow\.html$/.test(location.pathname)) {
    return stop('invalid', 'Open flow.html with ?config=<base64url JSON> (see staticFlowLink).');
  } else {
    backend = serverBackend(location.pathname.replace(/\/+$/, ''));
  }
  const loaded = await backend.load();
  if (!loaded.ok) return stop(loaded.kind, loaded.message);
  state = loaded.state;
  startedWithoutUser = state.user_id === null;
  render({ focus: false });
  messenger.startHeightUpdates();
}

void boot();
