// The sandbox flow page: walks the user through the flow's steps and tells its parent what happened,
// with exactly the messages Dots documents. Server mode at /flow/:id, static mode with ?config=.
import { decodeStaticConfig, serverBackend, staticBackend } from './flowBackends.js';
import { createMessenger } from './frameMessages.js';
import { el, readFields, stepView } from './stepForms.js';
import { ONBOARDING_STEP, PAYOUT_METHODS, validateStep } from './stepRules.js';

const REDIRECT_DELAY_MS = 300;
const app = document.getElementById('app');
const messenger = createMessenger();

let backend;
let state;
let phase = 'phone';
let phone = '';
/** The manage-payouts step after a save, waiting for Continue (only without hide_continue_button). */
let awaitingContinue = null;
let notice = null;
let busy = false;

const context = () => ({ balanceCents: state.balance_cents, defaultMethod: state.default_method });

/** The step on screen: the first not yet completed, or one that keeps the user on it after completion. */
function currentStep() {
  return state.steps.find(
    (step) => step.hide_continue_button || step.name === awaitingContinue || !state.completed_steps.includes(step.name),
  );
}

function show(title, children, { focus = false, progress = null } = {}) {
  const heading = el('h1', { textContent: title, tabIndex: -1 });
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
  expired: [
    'This link has expired',
    'Links for a signed-in user work for 15 minutes. Ask the app that sent you here for a new one.',
  ],
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
  if (status === 'completed-saved') return 'Saved. Your default payout method is unchanged.';
  const method = PAYOUT_METHODS.find((m) => m.id === state.default_method);
  return `Saved. Payouts now go to ${method?.label ?? 'the selected method'} by default.`;
}

async function submit(event, step, form) {
  event.preventDefault();
  if (busy) return;
  const fields = readFields(form);
  if (step.name === ONBOARDING_STEP && phase === 'phone') {
    const checked = validateStep(ONBOARDING_STEP, { phone: fields.phone }, context());
    if (!checked.ok) return showError(form, checked.field, checked.message);
    phone = fields.phone;
    phase = 'code';
    return render({ focus: true });
  }
  const payload = step.name === ONBOARDING_STEP ? { phone, code: fields.code } : fields;
  const checked = validateStep(step.name, payload, context());
  if (!checked.ok) return showError(form, checked.field, checked.message);

  busy = true;
  for (const control of form.elements) control.disabled = true;
  const result = await backend.complete(step.name, payload);
  busy = false;
  if (!result.ok) {
    if (result.kind === 'expired' || result.kind === 'not_found') return stop(result.kind);
    for (const control of form.elements) control.disabled = false;
    return showError(form, result.field ?? null, result.message);
  }
  state = result.state;
  messenger.stepCompleted(step.name, result.status);
  if (step.name === 'redirect') return redirect(step.redirect_url);
  if (step.hide_continue_button) notice = noticeFor(step, result.status);
  else if (step.name === 'manage-payouts') {
    awaitingContinue = step.name;
    notice = `${noticeFor(step, result.status)} Continue when you are ready.`;
  } else notice = null;
  render({ focus: true });
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
    items.push(el('p', {}, el('a', { href: '/', target: '_blank', rel: 'noopener', textContent: 'Go to dashboard' })));
  }
  show('All done', items, { focus: true });
}

function render({ focus }) {
  const step = currentStep();
  if (!step) return renderDone();
  const view = stepView(step.name, { state, phase });
  const waiting = awaitingContinue === step.name;
  const form = el(
    'form',
    { noValidate: true, 'aria-labelledby': 'step-title' },
    ...view.fields,
    notice ? el('p', { className: 'notice', role: 'status', textContent: notice }) : null,
    waiting
      ? el('button', { type: 'button', textContent: 'Continue', onclick: () => continueOn(step) })
      : el('button', { type: 'submit', textContent: view.button }),
  );
  if (waiting) for (const input of form.querySelectorAll('input, select')) input.disabled = true;
  form.addEventListener('submit', (event) => void submit(event, step, form));
  const index = state.steps.indexOf(step);
  show(view.title, [view.intro ? el('p', { textContent: view.intro }) : null, form], {
    focus,
    progress: `Step ${index + 1} of ${state.steps.length}`,
  });
  app.querySelector('h1').id = 'step-title';
}

function continueOn(step) {
  if (awaitingContinue === step.name) awaitingContinue = null;
  notice = null;
  render({ focus: true });
}

async function boot() {
  const params = new URLSearchParams(location.search);
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
  render({ focus: false });
  messenger.startHeightUpdates();
}

void boot();
