import { createHash } from 'node:crypto';

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
 * moves the money once. (Name-based like a version-5 UUID, over SHA-256.)
 */
export function gigPaymentKey(hostUserId: string, gigId: string): string {
  const bytes = createHash('sha256')
    .update(JSON.stringify(['acme-gigs:gig-payment', hostUserId, gigId]))
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
