import { Hono } from 'hono';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { StoreError, type HostStore, type HostUser } from './jsonFileStore.js';
import { hashPassword, verifyPassword } from './passwordHash.js';
import { readJsonFields, RequestError } from './readJsonFields.js';
import {
  clearedSessionCookie,
  hashSessionToken,
  newSessionToken,
  readSessionToken,
  sessionCookie,
} from './sessionCookie.js';

const NAME_MAX = 60;
const EMAIL_MAX = 254;
const PASSWORD_MIN = 8;
const PASSWORD_MAX = 200;
// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

type ErrorStatus = 400 | 401 | 409 | 413 | 415;

export function apiError(c: Context, status: ErrorStatus | 404 | 500, code: string, message: string) {
  return c.json({ error: { code, message } }, status);
}

/** What the browser may know about its user: no email, no hash, no session. `isAdmin` opens the admin pages. */
export const publicUser = (user: HostUser, isAdmin = false) => ({
  id: user.id,
  name: user.name,
  dotsUserId: user.dotsUserId,
  payoutsReady: user.payoutsReady,
  whiteLabel: user.whiteLabel,
  isAdmin,
});

export type PublicUser = ReturnType<typeof publicUser>;

function checkEmail(email: string): string {
  if (email.length > EMAIL_MAX || CONTROL.test(email) || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw new RequestError(400, 'invalid_email', 'Give an email address like ada@example.com.');
  }
  return email.toLowerCase();
}

async function startSession(c: Context, store: HostStore, user: HostUser) {
  const old = readSessionToken(c.req.header('cookie') ?? null);
  if (old !== undefined) await store.deleteSession(hashSessionToken(old));
  const token = newSessionToken();
  await store.createSession(hashSessionToken(token), user.id);
  c.header('set-cookie', sessionCookie(token));
}

/**
 * The host app's own accounts: `GET /api/me`, sign-up (`POST /api/users`), sign-in (`POST /api/session`)
 * and sign-out (`DELETE /api/session`), on a cookie session. Dots never sees any of it.
 */
export function accountRoutes({
  store,
  userOf,
  view = (user) => publicUser(user),
}: {
  store: HostStore;
  userOf: (request: Request) => HostUser | undefined;
  /** The user as the browser sees it. Default: `publicUser`, nobody an admin. */
  view?: (user: HostUser) => PublicUser;
}) {
  const app = new Hono();
  const limit = bodyLimit({
    maxSize: 2048,
    onError: (c) => apiError(c, 413, 'body_too_large', 'The body is over 2 KiB.'),
  });
  const guarded =
    (handler: (c: Context) => Promise<Response>) =>
    async (c: Context): Promise<Response> => {
      try {
        return await handler(c);
      } catch (error) {
        if (error instanceof RequestError) return apiError(c, error.status, error.code, error.message);
        if (error instanceof StoreError && error.code === 'email_taken')
          return apiError(c, 409, error.code, error.message);
        throw error;
      }
    };

  app.get('/api/me', (c) => {
    const user = userOf(c.req.raw);
    return c.json({ user: user ? view(user) : null });
  });

  app.post(
    '/api/users',
    limit,
    guarded(async (c) => {
      // Only these fields are read: ids (host or Dots) in the body are ignored.
      const field = await readJsonFields(c);
      const name = field('name');
      if (name === '' || name.length > NAME_MAX || CONTROL.test(name)) {
        throw new RequestError(400, 'invalid_name', `Give a name of 1 to ${NAME_MAX} characters.`);
      }
      const email = checkEmail(field('email'));
      const password = field('password', true);
      if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) {
        throw new RequestError(
          400,
          'invalid_password',
          `Choose a password of ${PASSWORD_MIN} to ${PASSWORD_MAX} characters.`,
        );
      }
      if (store.userByEmail(email)) {
        throw new StoreError('email_taken', `An account with ${email} exists already. Sign in instead.`);
      }
      const user = await store.createUser(name, { email, passwordHash: await hashPassword(password) });
      await startSession(c, store, user);
      return c.json({ user: view(user) }, 201);
    }),
  );

  app.post(
    '/api/session',
    limit,
    guarded(async (c) => {
      const field = await readJsonFields(c);
      const email = field('email').toLowerCase();
      const password = field('password', true);
      const user = email === '' || email.length > EMAIL_MAX ? undefined : store.userByEmail(email);
      // Unknown email or wrong password: the same answer, after the same work.
      if (!(await verifyPassword(password.slice(0, PASSWORD_MAX), user?.passwordHash ?? null)) || !user) {
        throw new RequestError(
          401,
          'invalid_credentials',
          'That email and password do not match an account. Check both, or sign up.',
        );
      }
      await startSession(c, store, user);
      return c.json({ user: view(user) });
    }),
  );

  app.delete('/api/session', async (c) => {
    const token = readSessionToken(c.req.header('cookie') ?? null);
    if (token !== undefined) await store.deleteSession(hashSessionToken(token));
    c.header('set-cookie', clearedSessionCookie());
    return c.body(null, 204);
  });

  return app;
}
