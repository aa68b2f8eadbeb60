import { Hono } from 'hono';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { DotsApiError, HOST_USER_ID_METADATA_KEY, type DotsClient } from '@dots-flow/server';
import { apiError, publicUser, type PublicUser } from './accountRoutes.js';
import type { HostStore, HostUser } from './jsonFileStore.js';
import { readJsonFields, RequestError } from './readJsonFields.js';

const NAME_MAX = 50;
// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

export interface WhiteLabelRoutesOptions {
  store: HostStore;
  client: Pick<DotsClient, 'users'>;
  userOf: (request: Request) => HostUser | undefined;
  log: (line: string) => void;
  view?: (user: HostUser) => PublicUser;
}

/** A US mobile number in any usual spelling ("(415) 555-0100", "+1 415 555 0100") as its 10 digits. */
export function usPhoneDigits(input: string): string | null {
  if (input.length > 30 || !/^[\d\s()+.-]+$/.test(input)) return null;
  const digits = input.replace(/\D/g, '');
  const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  return /^[2-9]\d{9}$/.test(national) ? national : null;
}

function checkName(value: string, field: string, label: string): string {
  if (value === '' || value.length > NAME_MAX || CONTROL.test(value)) {
    throw new RequestError(400, `invalid_${field}`, `Give your ${label}: 1 to ${NAME_MAX} characters.`);
  }
  return value;
}

/**
 * White-label sign-up: the host's own phone-verification form over Dots' users API. `POST /api/dots-user`
 * creates the Dots user (`users.create`) and texts a code; `/send-code` texts another; `/verify` checks it
 * (`users.verify`) and, once Dots reports the user verified, payouts are set up.
 */
export function whiteLabelRoutes({
  store,
  client,
  userOf,
  log,
  view = (user) => publicUser(user),
}: WhiteLabelRoutesOptions) {
  const app = new Hono();
  const limit = bodyLimit({
    maxSize: 2048,
    onError: (c) => apiError(c, 413, 'body_too_large', 'The body is over 2 KiB.'),
  });
  // One creation at a time per host user: a double submit must not make two Dots users.
  const creating = new Set<string>();

  const signedIn = (c: Context): HostUser => {
    const user = userOf(c.req.raw);
    if (!user) throw new RequestError(401, 'unauthorized', 'Sign in first.');
    return user;
  };
  const pendingWhiteLabel = (c: Context): HostUser & { dotsUserId: string } => {
    const user = signedIn(c);
    if (!user.whiteLabel || user.dotsUserId === null) {
      throw new RequestError(409, 'no_pending_verification', 'Give your name and phone number first.');
    }
    if (user.payoutsReady) throw new RequestError(409, 'already_verified', 'Your phone is verified already.');
    return user as HostUser & { dotsUserId: string };
  };
  const guarded =
    (what: string, handler: (c: Context) => Promise<Response>) =>
    async (c: Context): Promise<Response> => {
      try {
        return await handler(c);
      } catch (error) {
        if (error instanceof RequestError)
          return c.json({ error: { code: error.code, message: error.message } }, error.status);
        log(`[backend] ${what} failed: ${String(error)}`);
        return apiError(c, 500, 'dots_unavailable', `Could not ${what} just now. Try again in a moment.`);
      }
    };

  app.post(
    '/api/dots-user',
    limit,
    guarded('set up your payouts', async (c) => {
      const user = signedIn(c);
      if (user.dotsUserId !== null) {
        throw new RequestError(409, 'already_linked', 'You have started payout setup already: continue it instead.');
      }
      const field = await readJsonFields(c);
      const firstName = checkName(field('firstName'), 'first_name', 'first name');
      const lastName = checkName(field('lastName'), 'last_name', 'last name');
      const phone = usPhoneDigits(field('phone'));
      if (phone === null) throw new RequestError(400, 'invalid_phone', 'Give a US mobile number, like (415) 555-0100.');
      if (user.email === null) throw new RequestError(409, 'no_email', 'Your account has no email; sign up again.');
      if (creating.has(user.id)) throw new RequestError(409, 'in_progress', 'Setting up already: wait a moment.');
      creating.add(user.id);
      try {
        let dotsUser;
        try {
          dotsUser = await client.users.create({
            first_name: firstName,
            last_name: lastName,
            email: user.email,
            country_code: '1',
            phone_number: phone,
            metadata: { [HOST_USER_ID_METADATA_KEY]: user.id },
          });
        } catch (error) {
          if (error instanceof DotsApiError && error.code === 'bad_request') {
            throw new RequestError(
              400,
              'dots_refused',
              `Dots could not use those details: ${error.dotsMessage ?? error.message}`,
            );
          }
          throw error;
        }
        const link = await store.linkDotsUser(user.id, dotsUser.id, { whiteLabel: true });
        if (link !== 'linked') throw new Error(`could not link Dots user ${dotsUser.id}: ${link}`);
        log(`[backend] created Dots user ${dotsUser.id} for host user ${user.id} (white label)`);
        await client.users.sendVerificationToken(dotsUser.id);
        return c.json({ user: view(store.getUser(user.id)!), phoneEnding: phone.slice(-4) }, 201);
      } finally {
        creating.delete(user.id);
      }
    }),
  );

  app.post(
    '/api/dots-user/send-code',
    guarded('send a code', async (c) => {
      const user = pendingWhiteLabel(c);
      await client.users.sendVerificationToken(user.dotsUserId);
      return c.json({ sent: true }, 202);
    }),
  );

  app.post(
    '/api/dots-user/verify',
    limit,
    guarded('check your code', async (c) => {
      const user = pendingWhiteLabel(c);
      const code = (await readJsonFields(c))('code').replace(/\s/g, '');
      if (!/^\d{6}$/.test(code))
        throw new RequestError(400, 'invalid_code', 'Enter the 6-digit code from the text message.');
      try {
        await client.users.verify(user.dotsUserId, code);
      } catch (error) {
        if (error instanceof DotsApiError && error.code === 'bad_request') {
          throw new RequestError(
            400,
            'wrong_code',
            'That code is not right. Check the text message, or send a new code.',
          );
        }
        throw error;
      }
      // Server truth: Dots reports the user verified, not only "the verify call did not fail".
      const dotsUser = await client.users.retrieve(user.dotsUserId);
      if (dotsUser.status !== 'verified') {
        throw new RequestError(
          409,
          'not_verified',
          'Dots has not verified your phone yet. Send a new code and try again.',
        );
      }
      await store.markPayoutsReady(user.id, user.dotsUserId);
      log(`[backend] white-label sign-up finished for host user ${user.id}`);
      return c.json({ user: view(store.getUser(user.id)!) });
    }),
  );

  return app;
}
