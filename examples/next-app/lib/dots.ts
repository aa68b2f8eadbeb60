// The server kit, configured from the environment. Route handlers and Server Components import this file;
// a client component importing it would fail the build (@dots-flow/server is server-only).
import {
  createDotsClient,
  createFlowHandler,
  createWebhookHandler,
  hostUserIdOf,
  type DotsClient,
} from '@dots-flow/server';
import type { DotsEnvironment } from '@dots-flow/react';
import { userFromRequest } from './session';
import { linkDotsUser } from './store';

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Set ${name} (see examples/next-app/README.md).`);
  return value;
}

/** Set to a local @dots-flow/sandbox (e.g. http://127.0.0.1:4010) instead of Dots. */
const sandboxUrl = () => process.env.DOTS_SANDBOX_URL;

/** Which flow pages the browser may frame: Dots' own, or the local sandbox's. */
export function dotsEnvironment(): DotsEnvironment {
  const local = sandboxUrl();
  if (local) return { frameOrigins: [new URL(local).origin] };
  return process.env.DOTS_ENVIRONMENT === 'production' ? 'production' : 'sandbox';
}

// Made on first request, not at import: `next build` loads route modules without the secrets.
function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

export const dots: () => DotsClient = lazy(() => {
  const local = sandboxUrl();
  return createDotsClient({
    clientId: env('DOTS_CLIENT_ID'),
    apiKey: env('DOTS_API_KEY'),
    ...(local ? { baseUrl: local } : { environment: dotsEnvironment() === 'production' ? 'production' : 'sandbox' }),
  });
});

const flowHandler = lazy(() =>
  createFlowHandler({
    client: dots(),
    // The Dots user comes from our session, never from the browser.
    resolveUser: (request) => {
      const user = userFromRequest(request);
      return user ? { hostUserId: user.id, dotsUserId: user.dotsUserId } : null;
    },
    allowedSteps: ['compliance', 'manage-payouts', 'payout'],
  }),
);

const webhookHandler = lazy(() =>
  createWebhookHandler({
    secret: env('DOTS_WEBHOOK_SECRET'),
    client: dots(),
    onFlowUpdated: (flow) => {
      // Stamped by our own flow route and read back from Dots with our key: trusted, unlike the browser.
      const hostUserId = hostUserIdOf(flow);
      if (hostUserId && flow.user_id) linkDotsUser(hostUserId, flow.user_id);
    },
  }),
);

/** `createFlowHandler`: POST creates a flow for the signed-in user, GET /:id reads one of theirs. */
export const handler = (request: Request) => flowHandler()(request);
/** `createWebhookHandler`: verifies Dots' signed webhooks and links the Dots user after onboarding. */
export const webhooks = (request: Request) => webhookHandler()(request);
