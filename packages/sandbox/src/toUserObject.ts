import { naiveTimestamp } from './naiveTimestamp.js';
import { METHOD_RAILS } from './payoutStore.js';
import type { SandboxUser } from './userStore.js';

/** The spec's payout rails (schema `rail`): the only values `default_payout_method` may hold. */
const RAILS = ['ach', 'paypal', 'venmo', 'cash_app', 'intl_bank', 'airtm', 'payoneer', 'crypto'];

function railOf(method: string | null): string | null {
  if (method === null) return null;
  const rail = Object.hasOwn(METHOD_RAILS, method) ? METHOD_RAILS[method]! : method;
  return RAILS.includes(rail) ? rail : null;
}

/** Splits an onboarding phone (`+14155550100`) into the spec's `{ country_code, phone_number }`. */
function splitPhone(phone: string | null): { country_code: string | null; phone_number: string | null } {
  if (phone === null) return { country_code: null, phone_number: null };
  const digits = phone.replace(/\D/g, '');
  // Onboarding keeps one string; the last ten digits as the national number is a guess (right for +1).
  if (digits.length <= 10) return { country_code: null, phone_number: digits };
  return { country_code: digits.slice(0, digits.length - 10), phone_number: digits.slice(-10) };
}

/** The user as `GET /v2/users/{id}` answers it (spec schema `user`). */
export function toUserObject(user: SandboxUser) {
  const profile = user.profile;
  return {
    id: user.id,
    first_name: profile?.firstName ?? null,
    last_name: profile?.lastName ?? null,
    email: profile?.email ?? null,
    phone_number: profile
      ? { country_code: profile.countryCode, phone_number: profile.phoneNumber }
      : splitPhone(user.phone),
    // The page stores the chosen method's id (`pm_paypal`); the user object names its rail (`paypal`).
    default_payout_method: railOf(user.defaultMethod),
    wallet: { amount: user.balanceCents, withdrawable_amount: user.balanceCents, credit_balance: 0 },
    status: user.status,
    compliance: {
      tax_id_verification: 'unsubmitted',
      date_of_birth_collected: profile?.dateOfBirth != null,
      must_collect_1099: false,
      '1099_collected': false,
      w8_ben_collected: false,
      flagged: false,
      id_verified: user.idVerified,
      has_criminal_activity: user.backgroundCheck?.status === 'failed',
      ...(user.backgroundCheck
        ? {
            background_check: {
              status: user.backgroundCheck.status,
              updated: naiveTimestamp(user.backgroundCheck.updatedMs),
            },
          }
        : {}),
    },
    metadata: profile?.metadata ?? null,
  };
}

export type UserObject = ReturnType<typeof toUserObject>;
