import { STEPS } from '@dots-flow/core';
import { parseStepInputs } from '../page/stepRules.js';
import type { NormalizedStep } from '../page/stepRules.js';

/** A create request that passed every check. */
export interface ValidCreateFlow {
  steps: NormalizedStep[];
  userId: string | null;
  metadata: Record<string, string>;
  hideGoToDashboard: boolean;
  requireAuth: boolean;
}

export type CreateFlowErrorCode =
  | 'invalid_body'
  | 'unknown_field'
  | 'invalid_steps'
  | 'invalid_user_id'
  | 'unknown_user'
  | 'invalid_metadata'
  | 'invalid_field';

export type CreateFlowValidation =
  { ok: true; value: ValidCreateFlow } | { ok: false; code: CreateFlowErrorCode; message: string };

const FIELDS = ['steps', 'user_id', 'metadata', 'hide_go_to_dashboard_on_complete', 'require_auth'];
const MAX_METADATA_KEYS = 50;
const MAX_METADATA_KEY_LENGTH = 40;
const MAX_METADATA_VALUE_LENGTH = 500;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const fail = (code: CreateFlowErrorCode, message: string): CreateFlowValidation => ({ ok: false, code, message });
const own = (record: Record<string, unknown>, key: string) => (Object.hasOwn(record, key) ? record[key] : undefined);

/** Checks a `POST /api/v2/flows` body the way Dots would, with messages that say what to change. */
export function validateCreateFlow(body: unknown, isKnownUser: (id: string) => boolean): CreateFlowValidation {
  if (!isRecord(body)) return fail('invalid_body', 'The body must be a JSON object like {"steps": ["compliance"]}.');
  const unknownField = Object.keys(body).find((key) => !FIELDS.includes(key));
  if (unknownField !== undefined) {
    return fail('unknown_field', `Unknown field "${unknownField}". Allowed fields: ${FIELDS.join(', ')}.`);
  }

  const steps = parseStepInputs(own(body, 'steps'), STEPS);
  if (!steps.ok) return fail('invalid_steps', steps.message);

  const userId = own(body, 'user_id') ?? null;
  if (userId !== null && (typeof userId !== 'string' || userId.trim() === '' || userId.length > 100)) {
    return fail('invalid_user_id', '`user_id` must be the id of a Dots user (a non-empty string), or left out.');
  }
  if (userId !== null && !isKnownUser(userId)) {
    return fail(
      'unknown_user',
      `No user "${userId}" in this sandbox. Leave user_id out to onboard a new user, or start the sandbox with users: ["${userId}"].`,
    );
  }

  const metadata = validateMetadata(own(body, 'metadata'));
  if (typeof metadata === 'string') return fail('invalid_metadata', metadata);

  const flags: Record<string, boolean> = {};
  for (const key of ['hide_go_to_dashboard_on_complete', 'require_auth']) {
    const value = own(body, key) ?? false;
    if (typeof value !== 'boolean') return fail('invalid_field', `\`${key}\` must be true or false.`);
    flags[key] = value;
  }

  return {
    ok: true,
    value: {
      steps: steps.steps,
      userId,
      metadata,
      hideGoToDashboard: flags['hide_go_to_dashboard_on_complete'] === true,
      requireAuth: flags['require_auth'] === true,
    },
  };
}

/** Returns a copy of valid metadata, or a message saying what is wrong. */
function validateMetadata(value: unknown): Record<string, string> | string {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) return '`metadata` must be an object of string keys to string values.';
  const entries = Object.entries(value);
  if (entries.length > MAX_METADATA_KEYS) return `\`metadata\` can hold at most ${MAX_METADATA_KEYS} keys.`;
  for (const [key, item] of entries) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
      return `\`metadata\` key "${key}" is reserved; choose another name.`;
    }
    if (key.length === 0 || key.length > MAX_METADATA_KEY_LENGTH) {
      return `\`metadata\` keys must be 1 to ${MAX_METADATA_KEY_LENGTH} characters long.`;
    }
    if (typeof item !== 'string') return `\`metadata.${key}\` must be a string; convert numbers and booleans first.`;
    if (item.length > MAX_METADATA_VALUE_LENGTH) {
      return `\`metadata.${key}\` can be at most ${MAX_METADATA_VALUE_LENGTH} characters long.`;
    }
  }
  return Object.fromEntries(entries) as Record<string, string>;
}
