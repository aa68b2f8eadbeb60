import { randomUUID } from 'node:crypto';
import { STARTING_BALANCE_CENTS } from '../page/stepRules.js';

export interface SandboxUser {
  id: string;
  /** Known once the user verified it in onboarding; seeded users have none. */
  phone: string | null;
  defaultMethod: string | null;
  autoPayout: boolean;
  balanceCents: number;
}

export interface UserStore {
  get(id: string): SandboxUser | undefined;
  /** A new user from onboarding; the oldest such users are forgotten beyond the cap. */
  create(phone: string): SandboxUser;
}

export interface UserStoreOptions {
  /** Ids known from the start (`startSandbox({ users })`): never forgotten. */
  seeded: readonly string[];
  /** Users created by onboarding kept at most, so a runaway client cannot exhaust memory. */
  maxCreated?: number;
}

const newUser = (id: string, phone: string | null): SandboxUser => ({
  id,
  phone,
  defaultMethod: null,
  autoPayout: false,
  balanceCents: STARTING_BALANCE_CENTS,
});

/** In-memory users of one running sandbox. */
export function createUserStore({ seeded, maxCreated = 10_000 }: UserStoreOptions): UserStore {
  const seededUsers = new Map(seeded.map((id) => [id, newUser(id, null)]));
  const created = new Map<string, SandboxUser>();
  return {
    get: (id) => seededUsers.get(id) ?? created.get(id),
    create(phone) {
      const user = newUser(randomUUID(), phone);
      created.set(user.id, user);
      if (created.size > maxCreated) {
        const oldest = created.keys().next().value;
        if (oldest !== undefined) created.delete(oldest);
      }
      return user;
    },
  };
}
