import type { Flow } from './types.js';

/** A flow object as Dots returns it, for tests. */
export function testFlow(overrides: Partial<Flow> = {}): Flow {
  return {
    id: 'flow_1',
    created: '2024-07-11T21:10:30.846081',
    user_id: null,
    // Dots lists only the requested steps, never its onboarding step.
    steps: ['compliance', 'payout'],
    completed_steps: [],
    link: 'https://my.dots.dev/flow/flow_1',
    metadata: null,
    payout_link_id: null,
    ...overrides,
  };
}
