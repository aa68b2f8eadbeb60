import { randomUUID } from 'node:crypto';

/** The spec's `user.status` values (schema `user`). */
export const USER_STATUSES = ['verified', 'unverified', 'disabled', 'in_review'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** What `POST /v2/users` was given (the spec's request body); onboarding and seeded users have none. */
export interface UserProfile {
  firstName: string;
  lastName: string;
  email: string;
  countryCode: string;
  phoneNumber: string;
  username: string | null;
  dateOfBirth: string | null;
  metadata: string | Record<string, unknown> | null;
}

export interface SandboxUser {
  id: string;
  createdMs: number;
  /** Known once the user verified it in onboarding; seeded users have none. */
  phone: string | null;
  profile: UserProfile | null;
  status: UserStatus;
  defaultMethod: string | null;
  autoPayout: boolean;
  /** The user's Dots wallet; never below 0. */
  balanceCents: number;
  idVerified: boolean;
  backgroundCheck: { status: 'pass' | 'failed'; updatedMs: number } | null;
}

export interface UserStore {
  get(id: string): SandboxUser | undefined;
  /** A new user from onboarding; the oldest such users are forgotten beyond the cap. */
  create(phone: string): SandboxUser;
  /** A white-label user (`POST /v2/users`): unverified; its wallet starts empty like every user's. */
  createFromApi(profile: UserProfile): SandboxUser;
  /** Every user, newest first. */
  list(): SandboxUser[];
}

export interface UserStoreOptions {
  /** Ids known from the start (`startSandbox({ users })`): never forgotten. */
  seeded: readonly string[];
  /** Users created by onboarding or the API kept at most, so a runaway client cannot exhaust memory. */
  maxCreated?: number;
  now?: () => number;
}

/** In-memory users of one running sandbox: the seeded ones, onboarding's and the API's are one resource. */
export function createUserStore({ seeded, maxCreated = 10_000, now = Date.now }: UserStoreOptions): UserStore {
  const newUser = (id: string, fields: Partial<SandboxUser>): SandboxUser => ({
    id,
    createdMs: now(),
    phone: null,
    profile: null,
    // Onboarding verified the phone; seeded users stand for users the host already has.
    status: 'verified',
    defaultMethod: null,
    autoPayout: false,
    // Empty, as on Dots: a user's wallet holds only what the app transferred to it (transfers, payout
    // links). The $100 of docs/overview/environments.mdx funds the developer's account, not its users.
    balanceCents: 0,
    idVerified: false,
    backgroundCheck: null,
    ...fields,
  });
  const seededUsers = new Map(seeded.map((id) => [id, newUser(id, {})]));
  const created = new Map<string, SandboxUser>();
  const remember = (user: SandboxUser) => {
    created.set(user.id, user);
    if (created.size > maxCreated) {
      const oldest = created.keys().next().value;
      if (oldest !== undefined) created.delete(oldest);
    }
    return user;
  };
  return {
    get: (id) => seededUsers.get(id) ?? created.get(id),
    create: (phone) => remember(newUser(randomUUID(), { phone })),
    createFromApi: (profile) =>
      remember(
        newUser(randomUUID(), {
          profile,
          phone: `+${profile.countryCode}${profile.phoneNumber}`,
          status: 'unverified',
        }),
      ),
    list: () => [...created.values()].reverse().concat([...seededUsers.values()].reverse()),
  };
}
