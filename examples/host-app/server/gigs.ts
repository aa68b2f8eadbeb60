import { derivedUuid } from './derivedUuid.js';

/** The gigs a user can complete; the server alone decides what each one pays. */
export const GIGS = [
  { id: 'logo-refresh', title: 'Refresh a café logo', payCents: 2500 },
  { id: 'product-photos', title: 'Shoot 10 product photos', payCents: 2500 },
  { id: 'menu-translation', title: 'Translate a menu to Spanish', payCents: 2500 },
] as const;

export type Gig = (typeof GIGS)[number];
export type GigId = Gig['id'];

export function gigById(id: string): Gig | undefined {
  return GIGS.find((gig) => gig.id === id);
}

/**
 * The idempotency key of paying `hostUserId` for `gigId`: a UUID derived from the host operation, not a
 * random one. A replayed request, a double click or a retry after a crash sends the same key, and Dots
 * moves the money once.
 */
export function gigPaymentKey(hostUserId: string, gigId: string): string {
  return derivedUuid('acme-gigs:gig-payment', hostUserId, gigId);
}
