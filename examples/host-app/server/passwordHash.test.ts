import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwordHash.js';

describe('hashPassword / verifyPassword', () => {
  it('verifies the password it hashed, salted so equal passwords hash apart', async () => {
    const [one, two] = await Promise.all([hashPassword('correct horse'), hashPassword('correct horse')]);
    expect(one).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(one).not.toBe(two);
    expect(one).not.toContain('correct horse');
    expect(await verifyPassword('correct horse', one)).toBe(true);
    expect(await verifyPassword('correct horse ', one)).toBe(false);
    expect(await verifyPassword('', one)).toBe(false);
  });

  it('treats a composed and a decomposed accent as the same password (NFKC)', async () => {
    expect(await verifyPassword('cafe\u0301-password', await hashPassword('caf\u00e9-password'))).toBe(true);
  });

  it('refuses no hash, malformed hashes and costlier parameters than it writes', async () => {
    const good = await hashPassword('pw-123456');
    const [, , , , salt, key] = good.split('$');
    for (const stored of [
      null,
      '',
      'pw-123456',
      good.replace('scrypt$', 'bcrypt$'),
      `scrypt$1048576$8$1$${salt}$${key}`,
      `scrypt$16384$8$1$${salt}$${key!.slice(0, 20)}`,
      `scrypt$16384$8$1$$${key}`,
      `${good}$extra`,
    ]) {
      expect(await verifyPassword('pw-123456', stored)).toBe(false);
    }
  });
});
