import { PAYOUT_FEE_PARTIES, STEPS, isStepName } from '@dots-flow/core';
import type { StepInput, StepName, StepWithOptions } from '@dots-flow/core';
import { isRecord, own } from './ownFields.js';
import type { Checked } from './ownFields.js';

interface OptionRule {
  /** The steps that take this option; `null` for every step. */
  steps: readonly StepName[] | null;
  valid: (value: unknown) => boolean;
  /** What a valid value is, for the error message. */
  expected: string;
}

const boolean: Pick<OptionRule, 'valid' | 'expected'> = {
  valid: (value) => typeof value === 'boolean',
  expected: 'true or false',
};

/**
 * Every step option Dots documents, with the steps it belongs to: spec `POST /v2/flows` (steps items) and
 * the options table of `docs/guides/flow-payouts.mdx`.
 */
export const STEP_OPTION_RULES = {
  hide_continue_button: { steps: null, ...boolean },
  auto_payout_enabled: { steps: ['manage-payouts', 'payout'], ...boolean },
  require_default_payout_method: { steps: ['manage-payouts'], ...boolean },
  require_auto_payout_method: { steps: ['manage-payouts'], ...boolean },
  payout_fee_party: {
    steps: ['payout'],
    valid: (value) => PAYOUT_FEE_PARTIES.includes(value as never),
    expected: PAYOUT_FEE_PARTIES.map((party) => `"${party}"`).join(' or '),
  },
  redirect_url: { steps: ['redirect'], valid: isHttpUrl, expected: 'an absolute http(s) URL' },
  template_id: {
    steps: ['pdf-form-fill'],
    // eslint-disable-next-line no-control-regex
    valid: (value) => typeof value === 'string' && /^[^\u0000-\u001f\u007f]{1,200}$/.test(value),
    expected: 'the id of a PDF template (1 to 200 characters)',
  },
} as const satisfies Record<string, OptionRule>;

export type StepOptionName = keyof typeof STEP_OPTION_RULES;

const OPTION_NAMES = Object.keys(STEP_OPTION_RULES) as StepOptionName[];

/** The options a step takes, e.g. for `payout`: hide_continue_button, auto_payout_enabled, payout_fee_party. */
export function optionsOf(step: StepName): StepOptionName[] {
  return OPTION_NAMES.filter((option) => {
    const steps: readonly StepName[] | null = STEP_OPTION_RULES[option].steps;
    return steps === null || steps.includes(step);
  });
}

export type StepsErrorCode = 'invalid_steps' | 'step_not_allowed';

/**
 * Validates a create request's `steps`: names from `STEPS` or `{ name, ...options }`, each step once,
 * each option on a step that takes it and of the documented type, `template_id` on `pdf-form-fill`.
 * Returns fresh step values; an unknown option is refused, never dropped.
 */
export function parseStepInputs(
  raw: unknown,
  allowed: ReadonlySet<StepName> = new Set(STEPS),
): Checked<StepInput[], StepsErrorCode> {
  const fail = (message: string, code: StepsErrorCode = 'invalid_steps') => ({ ok: false as const, code, message });
  if (!Array.isArray(raw) || raw.length === 0) {
    return fail('"steps" must be a non-empty array of step names or { name, ...options } objects.');
  }
  if (raw.length > STEPS.length) return fail(`"steps" may list at most ${STEPS.length} steps, each once.`);
  const seen = new Set<StepName>();
  const steps: StepInput[] = [];
  for (const [index, item] of raw.entries()) {
    const at = `steps[${index}]`;
    if (typeof item !== 'string' && !isRecord(item)) {
      return fail(`${at} must be a step name or a { name, ...options } object.`);
    }
    const name: unknown = isRecord(item) ? own(item, 'name') : item;
    if (!isStepName(name)) {
      const shown = typeof name === 'string' ? `"${name.slice(0, 40)}"` : 'not a step name';
      return fail(`${at} is ${shown}; known steps: ${STEPS.join(', ')}.`);
    }
    if (!allowed.has(name)) {
      return fail(`Step "${name}" is not allowed here; allowed: ${[...allowed].join(', ')}.`, 'step_not_allowed');
    }
    if (seen.has(name)) return fail(`Step "${name}" is listed twice.`);
    seen.add(name);
    if (!isRecord(item)) {
      if (name === 'pdf-form-fill') {
        return fail(`${at}: "pdf-form-fill" needs its template: { "name": "pdf-form-fill", "template_id": "…" }.`);
      }
      steps.push(name);
      continue;
    }
    const step = parseStepOptions(item, name, at);
    if (!step.ok) return fail(step.message);
    steps.push(step.value);
  }
  return { ok: true, value: steps };
}

function parseStepOptions(item: Record<string, unknown>, name: StepName, at: string): Checked<StepWithOptions> {
  const fail = (message: string) => ({ ok: false as const, code: 'invalid_steps', message });
  const takes = optionsOf(name);
  const step: Record<string, unknown> = { name };
  for (const key of Object.keys(item)) {
    if (key === 'name') continue;
    if (!takes.includes(key as StepOptionName)) {
      const known = OPTION_NAMES.includes(key as StepOptionName);
      return fail(
        `${at}: ${known ? `"${key}" is not an option of "${name}"` : `unknown option "${key.slice(0, 40)}"`}; ` +
          `"${name}" takes ${takes.join(', ')}.`,
      );
    }
    const rule: OptionRule = STEP_OPTION_RULES[key as StepOptionName];
    if (!rule.valid(item[key])) return fail(`${at}.${key} must be ${rule.expected}.`);
    step[key] = item[key];
  }
  if (name === 'pdf-form-fill' && step['template_id'] === undefined) {
    return fail(`${at}: "pdf-form-fill" needs a "template_id" (the PDF template to fill).`);
  }
  // Every key and value was checked against the rules of this step above.
  return { ok: true, value: step as unknown as StepWithOptions };
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 2048) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}
