// What bundlers resolve for the `browser` condition. It throws on import, so the API key
// handling in this package can never end up in a browser bundle by accident.
throw new Error(
  '@dots-flow/server is server-only: it holds your Dots API key and must never run in a browser. ' +
    'This import was resolved for a browser bundle; move this import to your backend (an API route, ' +
    'server action or server file) and let the browser call that route, e.g. <DotsProvider flowEndpoint="/api/dots/flows">.',
);

// The same names as the server entry, so ES module linking succeeds and the error above is the one shown.
export const createDotsClient = undefined;
export const isFlowId = undefined;
export const isUuid = undefined;
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
