import { randomBytes } from 'node:crypto';
import type { Flow } from '@dots-flow/core';
import { ONBOARDING_STEP, PAYOUT_METHODS, STARTING_BALANCE_CENTS } from '../page/stepRules.js';
import type { NormalizedStep } from '../page/stepRules.js';
import type { ValidCreateFlow } from './validateCreateFlow.js';

export interface StoredFlow {
  id: string;
  createdMs: number;
  userId: string | null;
  /** In order, the onboarding step first when there is one. */
  steps: NormalizedStep[];
  /** Step names, each once, in the order they were first completed. */
  completed: string[];
  metadata: Record<string, string>;
  hideGoToDashboard: boolean;
  expiresAtMs: number | null;
}

export interface SandboxUser {
  id: string;
  defaultMethod: string;
  balanceCents: number;
}

export interface FlowStore {
  createFlow(input: ValidCreateFlow): StoredFlow;
  getFlow(id: string): StoredFlow | undefined;
  getUser(id: string): SandboxUser | undefined;
  createUser(): SandboxUser;
  isExpired(flow: StoredFlow): boolean;
  toFlowObject(flow: StoredFlow, baseUrl: string): Flow;
}

export interface FlowStoreOptions {
  now: () => number;
  flowTtlMs: number;
  users: readonly string[];
  /** Oldest flows are forgotten beyond this, so a runaway client cannot exhaust memory. */
  maxFlows?: number;
}

const randomId = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

/** In-memory flows and users: the state of one running sandbox. */
export function createFlowStore({ now, flowTtlMs, users, maxFlows = 10_000 }: FlowStoreOptions): FlowStore {
  const flows = new Map<string, StoredFlow>();
  const userMap = new Map<string, SandboxUser>();
  const addUser = (id: string) => {
    const user = { id, defaultMethod: PAYOUT_METHODS[0]?.id ?? '', balanceCents: STARTING_BALANCE_CENTS };
    userMap.set(id, user);
    return user;
  };
  for (const id of users) addUser(id);

  return {
    createFlow(input) {
      const createdMs = now();
      const needsOnboarding = input.userId === null || input.requireAuth;
      const flow: StoredFlow = {
        id: randomId('flow'),
        createdMs,
        userId: input.userId,
        steps: needsOnboarding
          ? [{ name: ONBOARDING_STEP, hide_continue_button: false, redirect_url: null }, ...input.steps]
          : input.steps,
        completed: [],
        metadata: input.metadata,
        hideGoToDashboard: input.hideGoToDashboard,
        // A link for a known user works like a password, so Dots limits its life unless it asks to log in.
        expiresAtMs: input.userId !== null && !input.requireAuth ? createdMs + flowTtlMs : null,
      };
      flows.set(flow.id, flow);
      if (flows.size > maxFlows) {
        const oldest = flows.keys().next().value;
        if (oldest !== undefined) flows.delete(oldest);
      }
      return flow;
    },
    getFlow: (id) => flows.get(id),
    getUser: (id) => userMap.get(id),
    createUser: () => addUser(randomId('user')),
    isExpired: (flow) => flow.expiresAtMs !== null && now() >= flow.expiresAtMs,
    toFlowObject: (flow, baseUrl) => ({
      id: flow.id,
      created: new Date(flow.createdMs).toISOString(),
      user_id: flow.userId,
      steps: flow.steps.map((step) => step.name),
      completed_steps: [...flow.completed],
      link: `${baseUrl}/flow/${flow.id}`,
      metadata: { ...flow.metadata },
    }),
  };
}
