import { randomUUID } from 'node:crypto';
import type { FlowMetadata } from '@dots-flow/core';
import type { NormalizedStep } from '../page/stepRules.js';
import { paginate } from './paginate.js';
import type { PageQuery, PageResult } from './paginate.js';
import { createUserStore } from './userStore.js';
import type { SandboxUser, UserStore } from './userStore.js';
import type { ValidCreateFlow } from './validateCreateFlow.js';

export interface StoredFlow {
  id: string;
  createdMs: number;
  /** `null` until onboarding creates the user. */
  userId: string | null;
  /** The requested steps, in order; onboarding is never one of them. */
  steps: NormalizedStep[];
  /** Step names, each once, in the order they were first completed. */
  completed: string[];
  metadata: FlowMetadata | null;
  payoutLinkId: string | null;
  hideGoToDashboard: boolean;
  /** Until when the page may act for the flow's user without asking for an SMS code; `null`: ask now. */
  signedInUntilMs: number | null;
}

export interface FlowStore {
  createFlow(input: ValidCreateFlow): StoredFlow;
  getFlow(id: string): StoredFlow | undefined;
  /** Newest first, Dots' cursor pagination. */
  listFlows(query: PageQuery): PageResult<StoredFlow>;
  getUser(id: string): SandboxUser | undefined;
  /** The users behind flows, `POST /v2/users` and `startSandbox({ users })`: one resource. */
  users: UserStore;
  /** The sandbox clock. */
  now: () => number;
  /** Completes onboarding: a new user, assigned to the flow and signed in. */
  onboard(flow: StoredFlow, phone: string): SandboxUser;
  /** True when the flow has a user who must enter an SMS code before going on. */
  needsCode(flow: StoredFlow): boolean;
  /** The user entered the code: the page may act for them for another `signInMs`. */
  signIn(flow: StoredFlow): void;
}

export interface FlowStoreOptions {
  now: () => number;
  /** How long a user stays signed in (from creation with a `user_id`, onboarding or an SMS code). */
  signInMs: number;
  users: readonly string[];
  /** Oldest flows are forgotten beyond this, so a runaway client cannot exhaust memory. */
  maxFlows?: number;
  /** Same for users created by onboarding. */
  maxUsers?: number;
}

/** In-memory flows and users: the state of one running sandbox. */
export function createFlowStore({ now, signInMs, users, maxFlows = 10_000, maxUsers }: FlowStoreOptions): FlowStore {
  const flows = new Map<string, StoredFlow>();
  const userStore = createUserStore({
    seeded: users,
    now,
    ...(maxUsers === undefined ? {} : { maxCreated: maxUsers }),
  });

  return {
    createFlow(input) {
      const createdMs = now();
      const flow: StoredFlow = {
        id: randomUUID(),
        createdMs,
        userId: input.userId,
        steps: input.steps,
        completed: [],
        metadata: input.metadata,
        payoutLinkId: null,
        hideGoToDashboard: input.hideGoToDashboard,
        // A link for a known user works like a password for a while; `require_auth` asks for the code at once.
        signedInUntilMs: input.userId !== null && !input.requireAuth ? createdMs + signInMs : null,
      };
      flows.set(flow.id, flow);
      if (flows.size > maxFlows) {
        const oldest = flows.keys().next().value;
        if (oldest !== undefined) flows.delete(oldest);
      }
      return flow;
    },
    getFlow: (id) => flows.get(id),
    listFlows: (query) => paginate([...flows.values()].reverse(), query),
    getUser: (id) => userStore.get(id),
    users: userStore,
    now,
    onboard(flow, phone) {
      const user = userStore.create(phone);
      flow.userId = user.id;
      flow.signedInUntilMs = now() + signInMs;
      return user;
    },
    needsCode: (flow) => flow.userId !== null && (flow.signedInUntilMs === null || now() >= flow.signedInUntilMs),
    signIn(flow) {
      flow.signedInUntilMs = now() + signInMs;
    },
  };
}
