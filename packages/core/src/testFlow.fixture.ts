import type { Flow } from './types.js';

/** A flow object as Dots returns it, for tests. */
export function testFlow(overrides: Partial<Flow> = {}): Flow {
  return {
    id: 'flow_1',
    created: '2024-05-01T12:00:00Z',
    user_id: null,
    steps: ['onboarding', 'compliance', 'payout'],
    completed_steps: [],
    link: 'https://my.dots.dev/flow/flow_1',
    metadata: null,
    ...overrides,
  };
}
