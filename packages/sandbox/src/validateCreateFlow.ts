import { STEPS } from '@dots-flow/core';
import type { FlowMetadata } from '@dots-flow/core';
import { parseStepInputs } from '../page/stepRules.js';
import type { NormalizedStep } from '../page/stepRules.js';
import { isUuid } from './uuid.js';

/** A create request that passed every check. */
export interface ValidCreateFlow {
  steps: NormalizedStep[];
  userId: string | null;
  metadata: FlowMetadata | null;
  hideGoToDashboard: boolean;
  requireAuth: boolean;
}

export type CreateFlowValidation =
  { ok: true; value: ValidCreateFlow } | { ok: false; message: string; field: string | null };

export interface CreateFlowRules {
  isKnownUser: (id: string) => boolean;
  /** Refuse unknown fields and step options instead of ignoring them. */
  strict: boolean;
}

/** The body fields of `POST /v2/flows` in Dots' spec. */
export const CREATE_FLOW_FIELDS = ['steps', 'user_id', 'metadata', 'hide_go_to_dashboard_on_complete', 'require_auth'];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const fail = (message: string, field: string | null): CreateFlowValidation => ({ ok: false, message, field });
const own = (record: Record<string, unknown>, key: string) => (Object.hasOwn(record, key) ? record[key] : undefined);

/**
 * Checks a `POST /v2/flows` body as Dots' spec types it, with messages that say what to change. Unknown
 * fields are ignored (as JSON Schema without `additionalProperties: false` allows), unless `strict`.
 */
export function validateCreateFlow(body: unknown, rules: CreateFlowRules): CreateFlowValidation {
  if (!isRecord(body)) return fail('The body must be a JSON object like {"steps": ["compliance"]}.', null);
  if (rules.strict) {
    const unknownField = Object.keys(body).find((key) => !CREATE_FLOW_FIELDS.includes(key));
    if (unknownField !== undefined) {
      return fail(
        `Unknown field "${unknownField}" (strict mode). Fields: ${CREATE_FLOW_FIELDS.join(', ')}.`,
        unknownField,
      );
    }
  }

  const steps = parseStepInputs(own(body, 'steps'), STEPS, { strict: rules.strict });
  if (!steps.ok) return fail(steps.message, steps.field);

  const userId = own(body, 'user_id');
  if (userId !== undefined && !isUuid(userId)) {
    return fail('`user_id` must be the UUID of a Dots user, or left out to onboard a new user.', 'user_id');
  }
  if (userId !== undefined && !rules.isKnownUser(userId)) {
    return fail(
      `No user "${userId}" in this sandbox. Leave user_id out to onboard a new user, or start the sandbox with users: ["${userId}"].`,
      'user_id',
    );
  }

  const metadata = own(body, 'metadata');
  if (metadata !== undefined && typeof metadata !== 'string' && !isRecord(metadata)) {
    return fail('`metadata` must be a string or a JSON object, or left out.', 'metadata');
  }

  const flags: Record<string, boolean> = {};
  for (const key of ['hide_go_to_dashboard_on_complete', 'require_auth']) {
    const value = own(body, key) ?? false;
    if (typeof value !== 'boolean') return fail(`\`${key}\` must be true or false.`, key);
    flags[key] = value;
  }

  return {
    ok: true,
    value: {
      steps: steps.steps,
      userId: userId ?? null,
      metadata: metadata === undefined ? null : (JSON.parse(JSON.stringify(metadata)) as FlowMetadata),
      hideGoToDashboard: flags['hide_go_to_dashboard_on_complete'] === true,
      requireAuth: flags['require_auth'] === true,
    },
  };
}
