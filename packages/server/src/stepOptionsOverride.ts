import { STEPS, isStepName } from '@dots-flow/core';
import type { StepName } from '@dots-flow/core';
import { isRecord } from './ownFields.js';
import { STEP_OPTION_RULES, optionsOf } from './parseStepInputs.js';
import type { StepOptionName } from './parseStepInputs.js';

type Overrides = ReadonlyMap<StepName, Readonly<Record<string, unknown>>>;

/** Checks the route's `stepOptions` once, at creation: known steps, options that step takes, valid values. */
export function checkStepOptions(raw: unknown): Overrides {
  const overrides = new Map<StepName, Record<string, unknown>>();
  if (raw === undefined) return overrides;
  if (!isRecord(raw))
    throw new TypeError('stepOptions must be an object such as { payout: { payout_fee_party: "user" } }.');
  for (const [step, options] of Object.entries(raw)) {
    if (!isStepName(step)) throw new TypeError(`stepOptions: unknown step "${step}"; known: ${STEPS.join(', ')}.`);
    if (!isRecord(options)) throw new TypeError(`stepOptions.${step} must be an object of options.`);
    const takes = optionsOf(step);
    for (const [option, value] of Object.entries(options)) {
      if (!takes.includes(option as StepOptionName)) {
        throw new TypeError(
          `stepOptions.${step}: "${option}" is not an option of "${step}"; it takes ${takes.join(', ')}.`,
        );
      }
      const rule = STEP_OPTION_RULES[option as StepOptionName];
      if (!rule.valid(value)) throw new TypeError(`stepOptions.${step}.${option} must be ${rule.expected}.`);
    }
    overrides.set(step, { ...options });
  }
  return overrides;
}

/**
 * The browser's body with the server's options laid over its matching steps, before the body is
 * validated (so a forced option is checked like any other). The input is never modified.
 */
export function withStepOptions(body: unknown, overrides: Overrides): unknown {
  if (overrides.size === 0 || !isRecord(body) || !Object.hasOwn(body, 'steps') || !Array.isArray(body['steps'])) {
    return body;
  }
  const steps = (body['steps'] as unknown[]).map((step) => {
    const name = isRecord(step) ? (Object.hasOwn(step, 'name') ? step['name'] : undefined) : step;
    const forced = isStepName(name) ? overrides.get(name) : undefined;
    if (forced === undefined) return step;
    return { ...(isRecord(step) ? step : { name }), ...forced };
  });
  return { ...body, steps };
}
