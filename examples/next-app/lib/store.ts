import { randomBytes, randomUUID } from 'node:crypto';

/** The example's own user. `dotsUserId` is set only from a verified webhook. */
export interface User {
  id: string;
  name: string;
  dotsUserId: string | null;
}

interface Store {
  users: Map<string, User>;
  /** Session token → user id. */
  sessions: Map<string, string>;
}

// In memory, for the example only: a real app keeps users in its database. Kept on globalThis because Next
// may load this module once per route bundle, and every route must see the same users.
const store: Store = ((globalThis as { __dotsFlowNextExample?: Store }).__dotsFlowNextExample ??= {
  users: new Map(),
  sessions: new Map(),
});

/** Creates a user and a session for them; returns the session token for the cookie. */
export function signUp(name: string): string {
  const user: User = { id: randomUUID(), name, dotsUserId: null };
  store.users.set(user.id, user);
  const token = randomBytes(32).toString('base64url');
  store.sessions.set(token, user.id);
  return token;
}

export function endSession(token: string | undefined): void {
  if (token) store.sessions.delete(token);
}

export function userForSession(token: string | undefined): User | null {
  const id = token ? store.sessions.get(token) : undefined;
  return (id && store.users.get(id)) || null;
}

/** Links the Dots user that onboarding created; a user already linked keeps their Dots user. */
export function linkDotsUser(userId: string, dotsUserId: string): void {
  const user = store.users.get(userId);
  if (user && user.dotsUserId === null) user.dotsUserId = dotsUserId;
}
