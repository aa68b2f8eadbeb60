import { isUuid } from '@dots-flow/server';

/**
 * The stored Dots user ids a fresh sandbox can be seeded with: UUIDs only, as Dots' ids are. A data file
 * from before the sandbox used UUIDs holds `user_…` ids, which the sandbox refuses at start; those are
 * left out (and returned as `dropped`, to be logged) so the app still starts.
 */
export function sandboxUsers(storedIds: readonly string[]): { users: string[]; dropped: string[] } {
  const users: string[] = [];
  const dropped: string[] = [];
  for (const id of storedIds) (isUuid(id) ? users : dropped).push(id);
  return { users, dropped };
}
