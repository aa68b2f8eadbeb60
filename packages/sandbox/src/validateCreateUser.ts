import { fail, isRecord, own, readMetadata, unknownField } from './bodyFields.js';
import type { Validation } from './bodyFields.js';
import type { UserProfile } from './userStore.js';

/** The body fields of `POST /v2/users` in Dots' spec. */
export const CREATE_USER_FIELDS = [
  'first_name',
  'last_name',
  'email',
  'country_code',
  'phone_number',
  'username',
  'date_of_birth',
  '1099_adjustment',
  'metadata',
  'payout_options_exclude_list',
];

// A pragmatic address check: something@domain.tld, no spaces (the spec says `format: email`).
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function text(body: Record<string, unknown>, field: string, min: number, max: number): Validation<string> {
  const value = own(body, field);
  if (value === undefined) return fail(`\`${field}\` is required (a string of ${min} to ${max} characters).`, field);
  if (typeof value !== 'string' || value.trim().length < min || value.length > max) {
    return fail(`\`${field}\` must be a string of ${min} to ${max} characters.`, field);
  }
  return { ok: true, value };
}

/**
 * Checks a `POST /v2/users` body as Dots' spec types it: `first_name`, `last_name`, `email`,
 * `country_code` and `phone_number` required. Unknown fields are ignored unless `strict`.
 */
export function validateCreateUser(body: unknown, strict: boolean): Validation<UserProfile> {
  if (!isRecord(body)) {
    return fail(
      'The body must be a JSON object like {"first_name": "Bob", "last_name": "Loblaw", "email": "bob@example.com", "country_code": "1", "phone_number": "4155550100"}.',
      null,
    );
  }
  const extra = strict ? unknownField(body, CREATE_USER_FIELDS) : undefined;
  if (extra !== undefined) {
    return fail(`Unknown field "${extra}" (strict mode). Fields: ${CREATE_USER_FIELDS.join(', ')}.`, extra);
  }
  const first = text(body, 'first_name', 1, 50);
  if (!first.ok) return first;
  const last = text(body, 'last_name', 1, 50);
  if (!last.ok) return last;
  const email = own(body, 'email');
  if (typeof email !== 'string' || email.length > 254 || !EMAIL.test(email)) {
    return fail('`email` is required: an email address like bob@example.com.', 'email');
  }
  const countryCode = own(body, 'country_code');
  if (typeof countryCode !== 'string' || !/^[0-9]{1,3}$/.test(countryCode)) {
    return fail('`country_code` is required: 1 to 3 digits as a string, like "1".', 'country_code');
  }
  const phone = own(body, 'phone_number');
  if (typeof phone !== 'string' || !/^[0-9]{1,20}$/.test(phone)) {
    return fail('`phone_number` is required: 1 to 20 digits as a string, like "4155550100".', 'phone_number');
  }
  let username: string | null = null;
  if (own(body, 'username') !== undefined) {
    const result = text(body, 'username', 1, 50);
    if (!result.ok) return result;
    username = result.value;
  }
  const dob = own(body, 'date_of_birth');
  if (dob !== undefined && (typeof dob !== 'string' || !DATE.test(dob))) {
    return fail('`date_of_birth` must be a date like "1990-12-31".', 'date_of_birth');
  }
  const metadata = readMetadata(own(body, 'metadata'));
  if (!metadata) return fail('`metadata` must be a string or a JSON object.', 'metadata');
  return {
    ok: true,
    value: {
      firstName: first.value,
      lastName: last.value,
      email,
      countryCode,
      phoneNumber: phone,
      username,
      dateOfBirth: typeof dob === 'string' ? dob : null,
      metadata: metadata.value,
    },
  };
}
