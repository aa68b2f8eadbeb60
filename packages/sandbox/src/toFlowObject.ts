import type { Flow } from '@dots-flow/core';
import type { StoredFlow } from './flowStore.js';
import { naiveTimestamp } from './naiveTimestamp.js';

/**
 * The flow object as Dots answers it (spec schema `flow`, plus `payout_link_id` from the guides' real
 * responses), keys in the alphabetical order those responses show.
 */
export function toFlowObject(flow: StoredFlow, baseUrl: string): Flow {
  return {
    completed_steps: [...flow.completed],
    created: naiveTimestamp(flow.createdMs),
    id: flow.id,
    link: `${baseUrl}/flow/${flow.id}`,
    // A JSON round trip is the whole copy: plain data, "__proto__" stays an own key.
    metadata: flow.metadata === null ? null : (JSON.parse(JSON.stringify(flow.metadata)) as Flow['metadata']),
    payout_link_id: flow.payoutLinkId,
    steps: flow.steps.map((step) => step.name),
    user_id: flow.userId,
  };
}
