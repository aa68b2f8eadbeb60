/** The modelled network: what a Dots API call and one round trip to the flow page's origin cost. */
export const NETWORK = { dotsCallMs: 150, frameRoundTripMs: 50 };
