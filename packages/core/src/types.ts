import type { StepInput, StepStatus, FlowStepName } from './steps.js';

/** The JSON body of `POST /api/v2/flows` (and of the host backend's flow endpoint). */
export interface CreateFlowRequest {
  steps: StepInput[];
  user_id?: string;
  metadata?: Record<string, string>;
  hide_go_to_dashboard_on_complete?: boolean;
  require_auth?: boolean;
}

/** A Dots flow object, as `POST /api/v2/flows` and `GET /api/v2/flows/:id` return it. */
export interface Flow {
  id: string;
  created: string;
  user_id: string | null;
  /** Step names in order; Dots puts its onboarding step first when the flow was created without `user_id`. */
  steps: string[];
  completed_steps: string[];
  link: string;
  metadata: Record<string, string> | null;
}

/** A message from the flow iframe, after validation. */
export type FlowMessage = { type: 'height'; height: number } | { type: 'step'; step: FlowStepName; status: StepStatus };

/** Where a flow's pages are served from. */
export type DotsEnvironment = 'sandbox' | 'production' | { frameOrigins: readonly string[] };
