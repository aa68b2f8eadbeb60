import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// scrypt from Node itself: no dependency, memory-hard. N=2^14, r=8, p=1 are scrypt's interactive-login
// parameters (tens of ms); raise N for production.
const PARAMS = { N: 16384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const PREFIX = 'scrypt';

function derive(password: string, salt: Buffer, params: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { ...params, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** A salted scrypt hash of `password`, as one string: `scrypt$N$r$p$salt$key` (base64url parts). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return [PREFIX, PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

// Checked against when the email is unknown, so a wrong email takes as long as a wrong password.
const DECOY = hashPassword(randomBytes(12).toString('base64url'));

/** Whether `password` matches `stored` (from `hashPassword`). `stored: null` compares against a decoy: always false. */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parts = (stored ?? (await DECOY)).split('$');
  const [prefix, n, r, p, salt, key] = parts;
  if (parts.length !== 6 || prefix !== PREFIX || !salt || !key) return false;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  // Only the parameters this module writes: a tampered store can't make a sign-in burn minutes of CPU.
  if (params.N !== PARAMS.N || params.r !== PARAMS.r || params.p !== PARAMS.p) return false;
  const expected = Buffer.from(key, 'base64url');
  if (expected.length !== KEY_LENGTH) return false;
  const actual = await derive(password, Buffer.from(salt, 'base64url'), params);
  return timingSafeEqual(actual, expected) && stored !== null;
}
