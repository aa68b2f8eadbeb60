import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { DotsApiError, HOST_USER_ID_METADATA_KEY, isUuid, type DotsClient, type DotsTransfer } from '@dots-flow/server';
import { apiError } from './accountRoutes.js';
import { derivedUuid } from './derivedUuid.js';
import type { HostUser } from './jsonFileStore.js';
import { readJsonFields, RequestError } from './readJsonFields.js';
import { payoutMethodName, payoutRail } from './walletHistory.js';

/** The idempotency key of one cash-out: from the host user and the form's request id. */
export const cashOutKey = (hostUserId: string, requestId: string) =>
  derivedUuid('acme-gigs:cash-out', hostUserId, requestId);

/**
 * `POST /api/payouts` `{ amountCents, requestId }`: white label's last step. The backend pays the user's
 * balance out to their default payout method with `POST /v2/payouts` (`platform: 'default'`). The key comes
 * from the user and the form's request id, so a double click or a replayed request pays out once.
 */
export function payoutRoute(options: {
  client: Pick<DotsClient, 'users' | 'payouts'>;
  userOf: (request: Request) => HostUser | undefined;
  log: (line: string) => void;
}) {
  const { client, userOf, log } = options;
  const limit = bodyLimit({
    maxSize: 1024,
    onError: (c) => apiError(c, 413, 'body_too_large', 'The body is over 1 KiB.'),
  });
  const handler = async (c: Context) => {
    try {
      const user = userOf(c.req.raw);
      if (!user) throw new RequestError(401, 'unauthorized', 'Sign in first.');
      if (!user.payoutsReady || user.dotsUserId === null) {
        throw new RequestError(409, 'payouts_not_ready', 'Finish setting up payouts first: then you can cash out.');
      }
      const field = await readJsonFields(c);
      const amount = field.number('amountCents') ?? NaN;
      if (!Number.isSafeInteger(amount) || amount <= 0) {
        throw new RequestError(400, 'invalid_amount', 'Give the amount to cash out in whole cents, more than 0.');
      }
      const requestId = field('requestId');
      if (!isUuid(requestId))
        throw new RequestError(400, 'invalid_request_id', 'Send a requestId (a UUID) per cash-out.');
      let transfer: DotsTransfer;
      try {
        transfer = await client.payouts.create({
          amount,
          user_id: user.dotsUserId,
          platform: 'default',
          idempotency_key: cashOutKey(user.id, requestId),
          metadata: { [HOST_USER_ID_METADATA_KEY]: user.id },
        });
      } catch (error) {
        if (error instanceof DotsApiError && error.dotsCode === 'transaction-insufficient-funds') {
          throw new RequestError(409, 'insufficient_funds', 'Your balance is lower than that. Cash out less.');
        }
        if (error instanceof DotsApiError && error.code === 'bad_request') {
          throw new RequestError(400, 'dots_refused', `Dots could not pay out: ${error.dotsMessage ?? error.message}`);
        }
        throw error;
      }
      const payoutMethod =
        payoutMethodName(payoutRail(transfer)) ??
        payoutMethodName((await client.users.retrieve(user.dotsUserId)).default_payout_method);
      return c.json(
        {
          payout: {
            amountCents: Math.abs(transfer.amount),
            payoutMethod,
            status: transfer.status,
            transferId: transfer.id,
          },
        },
        201,
      );
    } catch (error) {
      if (error instanceof RequestError)
        return c.json({ error: { code: error.code, message: error.message } }, error.status);
      log(`[backend] cash-out failed: ${String(error)}`);
      return apiError(c, 500, 'dots_unavailable', 'Could not cash out just now. Try again in a moment.');
    }
  };
  return [limit, handler] as const;
}
