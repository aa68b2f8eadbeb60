import { STEPS, isStepName } from '@dots-flow/core';
import type { StepInput, StepName } from '@dots-flow/core';

/** What the browser may ask for. `user_id` is not here: only `resolveUser` decides it. */
export interface BrowserFlowRequest {
  steps: StepInput[];
  metadata: Record<string, string>;
  hide_go_to_dashboard_on_complete?: boolean;
  require_auth?: boolean;
}

export type ParseResult =
  | { ok: true; value: BrowserFlowRequest }
  | { ok: false; code: 'invalid_body' | 'invalid_steps' | 'step_not_allowed' | 'invalid_metadata'; message: string };

export const MAX_METADATA_ENTRIES = 20;
export const MAX_METADATA_VALUE_LENGTH = 500;
const METADATA_KEY_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Validates the JSON body of a flow creation request from the browser and copies the known
 * fields into a fresh object. Unknown fields (including `user_id`) are dropped, never forwarded.
 */
export function parseFlowRequestBody(body: unknown, allowedSteps: ReadonlySet<StepName>): ParseResult {
  if (!isRecord(body)) {
    return {
      ok: false,
      code: 'invalid_body',
      message: 'The body must be a JSON object such as {"steps":["compliance"]}.',
    };
  }
  const steps = parseSteps(own(body, 'steps'), allowedSteps);
  if (!steps.ok) return steps;
  const metadata = parseMetadata(own(body, 'metadata'));
  if (!metadata.ok) return metadata;
  const value: BrowserFlowRequest = { steps: steps.value, metadata: metadata.value };
  for (const flag of ['hide_go_to_dashboard_on_complete', 'require_auth'] as const) {
    const flagValue = own(body, flag);
    if (flagValue === undefined) continue;
    if (typeof flagValue !== 'boolean') {
      return { ok: false, code: 'invalid_body', message: `"${flag}" must be true or false.` };
    }
    value[flag] = flagValue;
  }
  return { ok: true, value };
}

type Parsed<T> = { ok: true; value: T } | Extract<ParseResult, { ok: false }>;

function parseSteps(raw: unknown, allowed: ReadonlySet<StepName>): Parsed<StepInput[]> {
  const fail = (code: 'invalid_steps' | 'step_not_allowed', message: string) => ({ ok: false as const, code, message });
  if (!Array.isArray(raw) || raw.length === 0) {
    return fail('invalid_steps', '"steps" must be a non-empty array of step names or { name, ...options } objects.');
  }
  if (raw.length > STEPS.length) return fail('invalid_steps', `"steps" may list at most ${STEPS.length} steps.`);
  const seen = new Set<StepName>();
  const steps: StepInput[] = [];
  for (const [index, item] of raw.entries()) {
    const name: unknown = isRecord(item) ? own(item, 'name') : item;
    if (!isStepName(name)) {
      const shown = typeof name === 'string' ? `"${name.slice(0, 40)}"` : 'not a step name';
      return fail('invalid_steps', `steps[${index}] is ${shown}; known steps: ${STEPS.join(', ')}.`);
    }
    if (!allowed.has(name)) {
      return fail('step_not_allowed', `Step "${name}" is not allowed here; allowed: ${[...allowed].join(', ')}.`);
    }
    if (seen.has(name)) return fail('invalid_steps', `Step "${name}" is listed twice.`);
    seen.add(name);
    if (!isRecord(item)) {
      steps.push(name);
      continue;
    }
    const step: Exclude<StepInput, string> = { name };
    const hide = own(item, 'hide_continue_button');
    if (hide !== undefined) {
      if (typeof hide !== 'boolean')
        return fail('invalid_steps', `steps[${index}].hide_continue_button must be a boolean.`);
      step.hide_continue_button = hide;
    }
    const redirect = own(item, 'redirect_url');
    if (redirect !== undefined) {
      if (name !== 'redirect' || !isHttpUrl(redirect)) {
        return fail(
          'invalid_steps',
          `steps[${index}].redirect_url must be an http(s) URL, on the "redirect" step only.`,
        );
      }
      step.redirect_url = redirect;
    }
    steps.push(step);
  }
  return { ok: true, value: steps };
}

function parseMetadata(raw: unknown): Parsed<Record<string, string>> {
  const fail = (message: string) => ({ ok: false as const, code: 'invalid_metadata' as const, message });
  if (raw === undefined || raw === null) return { ok: true, value: {} };
  if (!isRecord(raw)) return fail('"metadata" must be an object of string values.');
  const entries = Object.entries(raw);
  if (entries.length > MAX_METADATA_ENTRIES) return fail(`"metadata" may have at most ${MAX_METADATA_ENTRIES} keys.`);
  const metadata: Record<string, string> = {};
  for (const [key, value] of entries) {
    if (!METADATA_KEY_PATTERN.test(key) || FORBIDDEN_KEYS.has(key)) {
      return fail(`metadata key "${key.slice(0, 40)}" must be 1-64 letters, digits, "_", "-" or ".".`);
    }
    if (typeof value !== 'string' || value.length > MAX_METADATA_VALUE_LENGTH) {
      return fail(`metadata "${key}" must be a string of at most ${MAX_METADATA_VALUE_LENGTH} characters.`);
    }
    metadata[key] = value;
  }
  return { ok: true, value: metadata };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads an own property only, so `__proto__` or inherited keys never count. */
function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 2048) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
