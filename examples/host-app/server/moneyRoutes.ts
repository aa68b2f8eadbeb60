import { Hono } from 'hono';
import type { Context } from 'hono';
import { DotsApiError, HOST_USER_ID_METADATA_KEY, type DotsClient, type DotsTransfer } from '@dots-flow/server';
import { apiError } from './accountRoutes.js';
import { GIGS, gigById, gigPaymentKey, type Gig } from './gigs.js';
import type { HostUser } from './jsonFileStore.js';
import { payoutMethodName, toHistoryItem, transferMetadata } from './walletHistory.js';

/** How many of a user's transfers the wallet page reads: one page of history is enough for a demo. */
const HISTORY_LIMIT = 100;

export interface MoneyRoutesOptions {
  client: Pick<DotsClient, 'users' | 'transfers'>;
  userOf: (request: Request) => HostUser | undefined;
  log: (line: string) => void;
}

/** A user who finished sign-up has a Dots user; everyone else gets a 401 or 409 telling them what to do. */
function payee(c: Context, userOf: MoneyRoutesOptions['userOf']): HostUser | Response {
  const user = userOf(c.req.raw);
  if (!user) return apiError(c, 401, 'unauthorized', 'Sign in first.');
  if (!user.payoutsReady || user.dotsUserId === null) {
    return c.json(
      { error: { code: 'payouts_not_ready', message: 'Finish setting up payouts first: then we can pay you.' } },
      409,
    );
  }
  return user;
}

/** The payment for `gig` among a user's transfers, if our backend made one: metadata names the gig and the host user. */
function findGigPayment(transfers: DotsTransfer[], user: HostUser, gig: Gig): DotsTransfer | undefined {
  return transfers.find(
    (transfer) =>
      transferMetadata(transfer, 'gig_id') === gig.id &&
      transferMetadata(transfer, HOST_USER_ID_METADATA_KEY) === user.id &&
      transfer.amount === -gig.payCents,
  );
}

const gigPayment = (gig: Gig, transfer: DotsTransfer) => ({
  gigId: gig.id,
  title: gig.title,
  amountCents: gig.payCents,
  status: transfer.status,
  paidAt: transfer.created,
  transferId: transfer.id,
});

/**
 * The money side of Flow Payouts: the gigs a user can finish, paying for one (an app → user transfer,
 * once per user and gig), and the wallet (balance from Dots' user, history from Dots' transfers).
 */
export function moneyRoutes({ client, userOf, log }: MoneyRoutesOptions) {
  const app = new Hono();
  const dotsFailed = (c: Context, what: string, error: unknown) => {
    log(`[backend] ${what} failed: ${String(error)}`);
    return apiError(c, 500, 'dots_unavailable', `Could not ${what} with Dots just now. Try again in a moment.`);
  };
  const transfersOf = (user: HostUser) =>
    client.transfers.list({ user_id: user.dotsUserId!, limit: HISTORY_LIMIT }).then((page) => page.data);

  app.get('/api/gigs', async (c) => {
    const user = payee(c, userOf);
    if (user instanceof Response) return user;
    let transfers: DotsTransfer[];
    try {
      transfers = await transfersOf(user);
    } catch (error) {
      return dotsFailed(c, 'read your payments', error);
    }
    return c.json({
      gigs: GIGS.map((gig) => {
        const paid = findGigPayment(transfers, user, gig);
        return { id: gig.id, title: gig.title, payCents: gig.payCents, payment: paid ? gigPayment(gig, paid) : null };
      }),
    });
  });

  app.post('/api/gigs/:gigId/complete', async (c) => {
    const user = payee(c, userOf);
    if (user instanceof Response) return user;
    const gig = gigById(c.req.param('gigId'));
    if (!gig) return apiError(c, 404, 'unknown_gig', 'There is no such gig. Pick one from the list of gigs.');
    try {
      // Paid before (a replay, a second tab): answer that payment. Requests racing past this check carry the
      // same idempotency key, so Dots itself moves the money once.
      const earlier = findGigPayment(await transfersOf(user), user, gig);
      if (earlier) return c.json({ payment: gigPayment(gig, earlier), replayed: true });
      const transfer = await client.transfers.create({
        amount: -gig.payCents,
        user_id: user.dotsUserId!,
        idempotency_key: gigPaymentKey(user.id, gig.id),
        metadata: { [HOST_USER_ID_METADATA_KEY]: user.id, gig_id: gig.id },
      });
      return c.json({ payment: gigPayment(gig, transfer), replayed: false }, 201);
    } catch (error) {
      if (error instanceof DotsApiError && error.dotsCode === 'transaction-insufficient-funds') {
        log(`[backend] the app wallet cannot pay ${gig.id}: ${error.message}`);
        return c.json(
          {
            error: {
              code: 'app_wallet_empty',
              message: "Acme's payout account is short of funds right now. Your gig is saved; try again later.",
            },
          },
          409,
        );
      }
      return dotsFailed(c, 'pay you', error);
    }
  });

  app.get('/api/wallet', async (c) => {
    const user = payee(c, userOf);
    if (user instanceof Response) return user;
    try {
      const [dotsUser, transfers] = await Promise.all([client.users.retrieve(user.dotsUserId!), transfersOf(user)]);
      return c.json({
        balanceCents: dotsUser.wallet.amount,
        withdrawableCents: dotsUser.wallet.withdrawable_amount,
        payoutMethod: payoutMethodName(dotsUser.default_payout_method),
        history: transfers.map(toHistoryItem),
      });
    } catch (error) {
      return dotsFailed(c, 'read your balance', error);
    }
  });

  return app;
}
