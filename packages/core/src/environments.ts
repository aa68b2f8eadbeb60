// Marked pure so a bundle that does not use a table drops it (bundlers cannot know Object.freeze is pure).

/** Dots API hosts, for the server kit: the API key is only ever sent to these (or the local sandbox). */
export const DOTS_API_URLS = /* @__PURE__ */ Object.freeze({
  production: 'https://api.dots.dev',
  sandbox: 'https://api.senddotssandbox.com',
} as const);

/** Origins that serve Dots flow pages, per environment: the iframe allowlist. */
export const DOTS_FRAME_ORIGINS = /* @__PURE__ */ Object.freeze({
  production: /* @__PURE__ */ Object.freeze(['https://my.dots.dev'] as const),
  sandbox: /* @__PURE__ */ Object.freeze(['https://my.senddotssandbox.com'] as const),
} as const);
