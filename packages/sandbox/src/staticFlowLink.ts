import type { StepInput } from '@dots-flow/core';

/** A flow carried entirely in the page URL: the page runs it with no server behind it. */
export interface StaticFlowConfig {
  steps: StepInput[];
  /** A user id makes the flow start signed in (no onboarding screen); static mode never asks for a code again. */
  user_id?: string | null;
  hide_go_to_dashboard_on_complete?: boolean;
  /** With a `user_id`: ask for the SMS code first, as Dots does with `require_auth`. */
  require_auth?: boolean;
  /**
   * Cents in the user's wallet (default 0, as a new Dots user's). Static mode has no server to transfer
   * money through, so a flow that withdraws says here what the app paid the user before.
   */
  balance_cents?: number;
}

function base64url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The link to the flow page in static mode: `${pageBaseUrl}/flow.html?config=<base64url JSON>`.
 * `pageBaseUrl` is where the package's `page/` folder is served (Storybook's static dir, or a
 * running sandbox's `${url}/flow`). Runs in browsers and Node alike. Append `&styles=` for appearance.
 */
export function staticFlowLink(pageBaseUrl: string, config: StaticFlowConfig): string {
  return `${pageBaseUrl.replace(/\/+$/, '')}/flow.html?config=${base64url(JSON.stringify(config))}`;
}
