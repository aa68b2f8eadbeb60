import type { StepInput, StepStatus, FlowStepName } from './steps.js';

/** A JSON value, as Dots stores it in `metadata`. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A flow's `metadata`: a string or a JSON object (spec `POST /v2/flows`, schema `flow`). */
export type FlowMetadata = string | { readonly [key: string]: JsonValue };

/** The JSON body of `POST /api/v2/flows` (and of the host backend's flow endpoint). */
export interface CreateFlowRequest {
  /** The steps in order, each at most once. Dots adds its onboarding step itself when there is no `user_id`. */
  steps: StepInput[];
  /** The Dots user (a UUID). With it the flow starts signed in for 15 minutes, unless `require_auth`. */
  user_id?: string;
  metadata?: FlowMetadata;
  hide_go_to_dashboard_on_complete?: boolean;
  /** Ask a known user for an SMS code from the start. */
  require_auth?: boolean;
}

/** A Dots flow object, as `POST /api/v2/flows` and `GET /api/v2/flows/:id` return it (spec schema `flow`). */
export interface Flow {
  id: string;
  /** When Dots created the flow; Dots sends naive timestamps (`2024-07-11T21:10:30.846081`) or zoned ones. */
  created: string;
  /** `null` until the onboarding step of a user-less flow completes. */
  user_id: string | null;
  /** The requested step names in order. Dots never lists its onboarding step here. */
  steps: string[];
  completed_steps: string[];
  link: string;
  metadata: FlowMetadata | null;
  /** The Payout Link this flow belongs to, if any. */
  payout_link_id: string | null;
}

/** A message from the flow iframe, after validation. */
export type FlowMessage = { type: 'height'; height: number } | { type: 'step'; step: FlowStepName; status: StepStatus };

/** Where a flow's pages are served from. */
export type DotsEnvironment = 'sandbox' | 'production' | { frameOrigins: readonly string[] };
