import { cookies } from 'next/headers';
import { userForSession, type User } from './store';

export const SESSION_COOKIE = 'session';

/** The signed-in user in a Server Component or server action. */
export async function currentUser(): Promise<User | null> {
  return userForSession((await cookies()).get(SESSION_COOKIE)?.value);
}

/** The signed-in user of a route handler's request. */
export function userFromRequest(request: Request): User | null {
  const cookie = request.headers.get('cookie') ?? '';
  const token = cookie
    .split(';')
    .map((part) => part.trim().split('='))
    .find(([name]) => name === SESSION_COOKIE)?.[1];
  return userForSession(token);
}
