import type { FlowMetadata, StepInput, StepName } from '@dots-flow/core';
import { isRecord, own } from './ownFields.js';
import type { Checked } from './ownFields.js';
import { parseFlowFlags } from './parseCreateFlowRequest.js';
import type { FlowRequestErrorCode } from './parseCreateFlowRequest.js';
import { parseFlowMetadata } from './parseFlowMetadata.js';
import { parseStepInputs } from './parseStepInputs.js';

/** What the browser may ask for. `user_id` is not here: only `resolveUser` decides it. */
export interface BrowserFlowRequest {
  steps: StepInput[];
  metadata?: FlowMetadata;
  hide_go_to_dashboard_on_complete?: boolean;
  require_auth?: boolean;
}

export type ParseResult = Checked<BrowserFlowRequest, FlowRequestErrorCode>;

const BROWSER_FIELDS = ['steps', 'metadata', 'hide_go_to_dashboard_on_complete', 'require_auth'];

/**
 * Validates the JSON body of a flow creation request from the browser and copies it into a fresh object.
 * Every field Dots' spec allows is taken except `user_id`; that one and unknown fields are refused with
 * a message, never dropped in silence.
 */
export function parseFlowRequestBody(body: unknown, allowedSteps: ReadonlySet<StepName>): ParseResult {
  const fail = (message: string) => ({ ok: false as const, code: 'invalid_body' as const, message });
  if (!isRecord(body)) return fail('The body must be a JSON object such as {"steps":["compliance"]}.');
  for (const key of Object.keys(body)) {
    if (key === 'user_id') {
      return fail(
        '"user_id" is not taken from the browser: the server picks the Dots user from your session. Remove it.',
      );
    }
    if (!BROWSER_FIELDS.includes(key)) {
      return fail(`Unknown field "${key.slice(0, 40)}"; the body takes ${BROWSER_FIELDS.join(', ')}.`);
    }
  }
  const steps = parseStepInputs(own(body, 'steps'), allowedSteps);
  if (!steps.ok) return steps;
  const metadata = parseFlowMetadata(own(body, 'metadata'));
  if (!metadata.ok) return metadata;
  const flags = parseFlowFlags(body);
  if (!flags.ok) return flags;
  const value: BrowserFlowRequest = { steps: steps.value, ...flags.value };
  if (metadata.value !== undefined) value.metadata = metadata.value;
  return { ok: true, value };
}
