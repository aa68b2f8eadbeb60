// The options a step may carry in a create request, from Dots' spec (`POST /v2/flows`, the step object)
// and its guide (`docs/guides/flow-payouts.mdx`, the steps table). Plain ES module, shared with the page.

/**
 * Each option: its type, its default, the steps it applies to (`null`: every step) and whether the spec
 * types it on every step (the spec's step object lists it for all steps; the guide names its step).
 */
export const STEP_OPTIONS = {
  hide_continue_button: { type: 'boolean', default: false, steps: null, typedEverywhere: true },
  auto_payout_enabled: { type: 'boolean', default: true, steps: ['manage-payouts', 'payout'], typedEverywhere: true },
  redirect_url: { type: 'redirect-url', default: null, steps: ['redirect'], typedEverywhere: true },
  template_id: { type: 'template-id', default: null, steps: ['pdf-form-fill'], typedEverywhere: true },
  require_default_payout_method: { type: 'boolean', default: false, steps: ['manage-payouts'] },
  require_auto_payout_method: { type: 'boolean', default: false, steps: ['manage-payouts'] },
  payout_fee_party: { type: 'fee-party', default: null, steps: ['payout'] },
};

/** Who may pay a payout's fee (`payout_fee_party`). */
export const PAYOUT_FEE_PARTIES = ['platform', 'user'];

/** True for an absolute `http:` or `https:` URL. */
export function isHttpUrl(value) {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * The spec's `redirect_url` rule, in our words: an http(s) URL whose host is dotted and ends in a
 * label of 1 to 6 letters or digits (`example.com`, `127.0.0.1`; not `localhost`, not `[::1]`).
 */
export function isRedirectUrl(value) {
  if (!isHttpUrl(value)) return false;
  const { hostname } = new URL(value);
  return /\.[a-zA-Z0-9]{1,6}$/.test(hostname) && !hostname.startsWith('[');
}

/** Why `value` is not a valid value for `option`, as the end of a sentence; `null` when it is. */
export function optionError(option, value) {
  switch (option.type) {
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false.';
    case 'redirect-url':
      return isRedirectUrl(value)
        ? null
        : 'must be an absolute http: or https: URL with a dotted host, like https://example.com/done ' +
            '(Dots documents this pattern; `localhost` does not match it, 127.0.0.1 does).';
    case 'template-id':
      return typeof value === 'string' && value.trim() !== '' ? null : 'must be the id of a PDF template (a string).';
    case 'fee-party':
      return PAYOUT_FEE_PARTIES.includes(value) ? null : `must be one of: ${PAYOUT_FEE_PARTIES.join(', ')}.`;
    default:
      return 'is not supported.';
  }
}
