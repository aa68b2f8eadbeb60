/**
 * The space each Dots frame gets before its page reports its height (`minHeight`): as tall as that page's first
 * screen, so nothing on the page moves when the frame takes its real height (no layout shift). Measured against the
 * sandbox's pages at phone and desktop widths (the taller: phones wrap more text) with `onHeightChange`; against the
 * real Dots, measure yours the same way. A frame may still grow later, e.g. on the tax step: after a click, which
 * does not count as a shift.
 */
export const FLOW_HEIGHTS = {
  /** Onboarding's first screen (Verify your phone): 362 px on desktop, 386 px on a 390 px phone. */
  signUp: 390,
  /** The payout-methods form: 502 px on desktop, 550 px on a phone. */
  payoutMethods: 550,
  /** The payout form: 417 px on desktop, 441 px on a phone. */
  withdraw: 445,
} as const;
