// Marked pure so a bundle that does not use a table drops it (bundlers cannot know Object.freeze is pure).
import { freeze } from './freeze.js';

/**
 * Dots API bases (`docs/overview/environments.mdx`), for the server kit: paths are `/v2/...` below them,
 * and the API key is only ever sent to these (or a base the host chose).
 */
export const DOTS_API_URLS = /* @__PURE__ */ Object.freeze({
  production: 'https://api.dots.dev/api',
  sandbox: 'https://pls.senddotssandbox.com/api',
} as const);

/**
 * Origins that serve Dots flow pages, per environment: the iframe allowlist. Dots' sandbox answers with
 * `https://my-sandbox.dots.dev` links (`docs/guides/flow-payouts.mdx`); older guides show `https://my.senddotssandbox.com`.
 */
export const DOTS_FRAME_ORIGINS = /* @__PURE__ */ (() =>
  freeze({
    production: freeze(['https://my.dots.dev'] as const),
    sandbox: freeze(['https://my-sandbox.dots.dev', 'https://my.senddotssandbox.com'] as const),
  } as const))();
