// What bundlers resolve for the `browser` condition, i.e. a client component or browser bundle importing the
// server kit. The import below cannot resolve, so Next (turbopack and webpack), Vite and esbuild fail the BUILD
// and print the specifier, which says what to do; a runtime throw would pass the build and white-screen at
// hydration instead. No further slash, `?`, `!` or `#` in it: resolvers would read those as paths, queries or loaders.
import '@dots-flow/server is server-only: it holds your Dots API key. Import it only in server code (a route handler, server action or backend file) and let client components call that route, e.g. DotsProvider flowEndpoint.';

// Last line of defence for a tool told to skip unresolved imports.
throw new Error(
  '@dots-flow/server is server-only: it holds your Dots API key. Import it only in server code (a route handler, server action or backend file) and let client components call that route, e.g. DotsProvider flowEndpoint.',
);

// The same names as the server entry, so bundlers report only the error above, not missing exports.
export const createDotsClient = undefined;
export const isFlowId = undefined;
export const isUuid = undefined;
export const DOTS_USER_STATUSES = undefined;
export const DOTS_PAYOUT_PLATFORMS = undefined;
export const DOTS_FEE_PARTIES = undefined;
export const DOTS_PAYOUT_LINK_STATUSES = undefined;
export const DOTS_DELIVERY_METHODS = undefined;
export const DotsApiError = undefined;
export const DOTS_API_ERROR_CODES = undefined;
export const createFlowHandler = undefined;
export const HOST_USER_ID_METADATA_KEY = undefined;
export const BROWSER_METADATA_KEY = undefined;
export const hostUserIdOf = undefined;
export const toNodeHandler = undefined;
export const verifyWebhook = undefined;
export const WebhookVerificationError = undefined;
export const WEBHOOK_VERIFICATION_ERROR_CODES = undefined;
export const createWebhookHandler = undefined;
export const createMemoryDedupe = undefined;
export const signTestWebhook = undefined;
