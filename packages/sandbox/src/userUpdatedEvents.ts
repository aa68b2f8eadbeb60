// The `user.updated*` webhooks the sandbox sends (Send-Dots/dots-docs-v2 `docs/webhooks.yaml`, one page each
// under `docs/references/webhook-events/`). Bodies are `{ "event", "user_id" }`: the user id of the
// `docs/references/webhooks.mdx` examples, and the `event` that `docs/webhooks.yaml` gives every body (added
// by the sender, as for every event), so a receiver tells them apart without its Svix subscription.
import type { Notify } from './payoutStore.js';

/** The user events the sandbox emulates; `user_merged`, `manual_debit|credit` and `payout_method` have no sandbox trigger. */
export const SANDBOX_USER_EVENTS = [
  'user.updated',
  'user.updated.id_verified',
  'user.updated.background_check',
  'user.updated.default_payout_method_changed',
] as const;

export type SandboxUserEvent = (typeof SANDBOX_USER_EVENTS)[number];

/** Sends one `user.updated*` event about `userId`. */
export function notifyUserUpdated(notify: Notify, eventType: SandboxUserEvent, userId: string): void {
  notify(eventType, { user_id: userId });
}
