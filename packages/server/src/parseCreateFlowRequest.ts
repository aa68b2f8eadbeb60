import type { CreateFlowRequest } from '@dots-flow/core';
import type { IdRule } from './dotsIds.js';
import { isRecord, own } from './ownFields.js';
import type { Checked } from './ownFields.js';
import { parseFlowMetadata } from './parseFlowMetadata.js';
import { parseStepInputs } from './parseStepInputs.js';

/** The body fields of `POST /v2/flows` (spec `/v2/flows`). */
export const CREATE_FLOW_FIELDS = [
  'steps',
  'user_id',
  'metadata',
  'hide_go_to_dashboard_on_complete',
  'require_auth',
] as const;

export type FlowRequestErrorCode = 'invalid_body' | 'invalid_steps' | 'step_not_allowed' | 'invalid_metadata';

/**
 * Validates a whole create request as Dots' spec allows it and returns a fresh copy holding only its
 * fields. Unknown fields are refused (a typo would otherwise be ignored by Dots); `user_id` must match `ids`.
 */
export function parseCreateFlowRequest(value: unknown, ids: IdRule): Checked<CreateFlowRequest, FlowRequestErrorCode> {
  if (!isRecord(value)) {
    return {
      ok: false,
      code: 'invalid_body',
      message: 'The request must be an object such as { steps: ["compliance"] }.',
    };
  }
  const unknown = Object.keys(value).find((key) => !(CREATE_FLOW_FIELDS as readonly string[]).includes(key));
  if (unknown !== undefined) {
    return {
      ok: false,
      code: 'invalid_body',
      message: `Unknown field "${unknown.slice(0, 40)}"; a flow request takes ${CREATE_FLOW_FIELDS.join(', ')}.`,
    };
  }
  const steps = parseStepInputs(own(value, 'steps'));
  if (!steps.ok) return steps;
  const request: CreateFlowRequest = { steps: steps.value };
  const userId = own(value, 'user_id');
  if (userId !== undefined) {
    if (!ids.test(userId)) {
      return { ok: false, code: 'invalid_body', message: `"user_id" must be a Dots user id: ${ids.describe}.` };
    }
    request.user_id = userId;
  }
  const flags = parseFlowFlags(value);
  if (!flags.ok) return flags;
  Object.assign(request, flags.value);
  const metadata = parseFlowMetadata(own(value, 'metadata'));
  if (!metadata.ok) return metadata;
  if (metadata.value !== undefined) request.metadata = metadata.value;
  return { ok: true, value: request };
}

type FlowFlags = Pick<CreateFlowRequest, 'hide_go_to_dashboard_on_complete' | 'require_auth'>;

/** The two boolean flags of a create request, when present. */
export function parseFlowFlags(value: Record<string, unknown>): Checked<FlowFlags, 'invalid_body'> {
  const flags: FlowFlags = {};
  for (const flag of ['hide_go_to_dashboard_on_complete', 'require_auth'] as const) {
    const flagValue = own(value, flag);
    if (flagValue === undefined) continue;
    if (typeof flagValue !== 'boolean')
      return { ok: false, code: 'invalid_body', message: `"${flag}" must be true or false.` };
    flags[flag] = flagValue;
  }
  return { ok: true, value: flags };
}
