import { Hono } from 'hono';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
  DotsApiError,
  HOST_USER_ID_METADATA_KEY,
  isUuid,
  type DotsClient,
  type DotsPayoutLink,
} from '@dots-flow/server';
import { apiError } from './accountRoutes.js';
import { derivedUuid } from './derivedUuid.js';
import type { HostUser } from './jsonFileStore.js';
import { readPayoutLinkProgress } from './payoutLinkProgress.js';
import { readJsonFields, RequestError } from './readJsonFields.js';
import { usPhoneDigits } from './whiteLabelRoutes.js';

/** Largest Payout Link the page creates: a typo must not send $1,000,000. */
export const MAX_PAYOUT_LINK_CENTS = 1_000_00;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The Payout Link as the admin page shows it; `stage` is its status, or `paid_out` once the payee withdrew. */
export function adminPayoutLink(link: DotsPayoutLink, stage: string = link.status) {
  const phone = link.payee?.phone_number ? `+${link.payee.country_code ?? '1'} ${link.payee.phone_number}` : null;
  return {
    id: link.id,
    created: link.created,
    amountCents: link.amount,
    payee: link.payee?.email || phone,
    delivery: link.delivery?.method ?? 'link',
    status: link.status,
    stage,
    link: link.link,
    flowId: link.flow_id ?? null,
    claimed: Boolean(link.claimed_user_id),
  };
}

/** The idempotency key of one "Create Payout Link" press: from the admin and the form's request id. */
export function payoutLinkKey(adminId: string, requestId: string): string {
  return derivedUuid('acme-gigs:payout-link', adminId, requestId);
}

/**
 * The admin page's API: create a Payout Link (amount, optional payee email or US phone, delivered by Dots
 * to whichever is given) and list them. Only accounts `isAdmin` accepts; everyone else gets a 404, as if
 * the routes did not exist.
 */
export function adminRoutes(options: {
  client: Pick<DotsClient, 'transfers' | 'payoutLinks'>;
  adminOf: (request: Request) => HostUser | undefined;
  log: (line: string) => void;
}) {
  const { client, adminOf, log } = options;
  const { payoutLinks } = client;
  const app = new Hono();
  const limit = bodyLimit({
    maxSize: 2048,
    onError: (c) => apiError(c, 413, 'body_too_large', 'The body is over 2 KiB.'),
  });
  const guarded =
    (what: string, handler: (c: Context, admin: HostUser) => Promise<Response>) =>
    async (c: Context): Promise<Response> => {
      const admin = adminOf(c.req.raw);
      if (!admin) return apiError(c, 404, 'not_found', `No API route at ${c.req.method} ${c.req.path}.`);
      try {
        return await handler(c, admin);
      } catch (error) {
        if (error instanceof RequestError)
          return c.json({ error: { code: error.code, message: error.message } }, error.status);
        if (error instanceof DotsApiError && error.code === 'bad_request') {
          return c.json(
            { error: { code: 'dots_refused', message: `Dots refused it: ${error.dotsMessage ?? error.message}` } },
            400,
          );
        }
        log(`[backend] ${what} failed: ${String(error)}`);
        return apiError(c, 500, 'dots_unavailable', `Could not ${what} just now. Try again in a moment.`);
      }
    };

  app.get(
    '/api/admin/payout-links',
    guarded('list Payout Links', async (c) => {
      const page = await payoutLinks.list({ limit: 20 });
      const progress = await Promise.all(page.data.map((link) => readPayoutLinkProgress(client, link)));
      return c.json({ payoutLinks: progress.map(({ link, stage }) => adminPayoutLink(link, stage)) });
    }),
  );

  app.post(
    '/api/admin/payout-links',
    limit,
    guarded('create the Payout Link', async (c, admin) => {
      const field = await readJsonFields(c);
      const amount = field.number('amountCents') ?? NaN;
      if (!Number.isSafeInteger(amount) || amount <= 0 || amount > MAX_PAYOUT_LINK_CENTS) {
        throw new RequestError(400, 'invalid_amount', 'Give an amount from $0.01 to $1,000.00, in whole cents.');
      }
      const email = field('email').toLowerCase();
      if (email !== '' && (email.length > 254 || !EMAIL.test(email))) {
        throw new RequestError(400, 'invalid_email', 'Give the payee’s email like pat@example.com, or leave it empty.');
      }
      const phoneInput = field('phone');
      const phone = phoneInput === '' ? '' : usPhoneDigits(phoneInput);
      if (phone === null)
        throw new RequestError(400, 'invalid_phone', 'Give a US mobile number like (415) 555-0100, or leave it empty.');
      const requestId = field('requestId');
      if (!isUuid(requestId))
        throw new RequestError(400, 'invalid_request_id', 'Send a requestId (a UUID) per press of Create.');
      const payee = {
        ...(email ? { email } : {}),
        ...(phone ? { country_code: '1', phone_number: phone } : {}),
      };
      const created = await payoutLinks.create({
        amount,
        ...(email || phone ? { payee } : {}),
        // `all`: Dots delivers to every contact given; with none it is a plain link to share.
        delivery: { method: 'all' },
        idempotency_key: payoutLinkKey(admin.id, requestId),
        metadata: { created_by: admin.id, [HOST_USER_ID_METADATA_KEY]: admin.id },
      });
      log(`[backend] Payout Link ${created.id} for ${amount} cents created by ${admin.id}`);
      return c.json({ payoutLink: adminPayoutLink(created) }, 201);
    }),
  );

  return app;
}
