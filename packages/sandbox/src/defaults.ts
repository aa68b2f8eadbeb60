/**
 * The sandbox's well-known test credentials. They protect nothing (the sandbox listens on loopback and
 * holds only fake data); they exist so integrations exercise the same auth and signing code as with Dots.
 */
export const SANDBOX_DEFAULTS = {
  host: '127.0.0.1',
  port: 4010,
  clientId: 'sandbox_client',
  apiKey: 'sandbox_key',
  /** Svix-style secret: `whsec_` + base64 of the 24 bytes `dots-flow-sandbox-secret`. */
  webhookSecret: 'whsec_ZG90cy1mbG93LXNhbmRib3gtc2VjcmV0',
  /** A flow's user stays signed in this long, as on Dots; then the page asks for an SMS code. */
  flowTtlMs: 15 * 60 * 1000,
  /**
   * The app wallet's starting cents: $1,000,000. Dots pre-funds sandbox apps but documents no amount (a guess).
   */
  appBalanceCents: 100_000_000,
  webhookRetryDelaysMs: [1000, 5000, 25000] as readonly number[],
  /** The sandbox app's id, sent as `api_app_id` in `payout_link.updated` (a fixed UUID; a guess). */
  appId: '5a4d0b7e-3c1f-4e2a-9b8d-6f0e1c2d3a4b',
} as const;
