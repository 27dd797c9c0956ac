import { describe, expect, it } from 'vitest';
import { hashPassword, TEST_PASSWORD_COST, verifyPassword } from './passwords.ts';

describe('password hashing', () => {
  it('accepts the password a hash was made from', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
  });

  it('refuses any other password', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(await verifyPassword('correct horse battery stapler', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('stores a self-describing string with a random salt and never the password itself', async () => {
    const first = await hashPassword('same password');
    const second = await hashPassword('same password');
    expect(first).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('same password');
  });

  it('checks a hash by the cost it names, so one made at the test cost is checked as surely', async () => {
    const stored = await hashPassword('correct horse battery staple', TEST_PASSWORD_COST);
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', stored)).toBe(false);
  });

  it('refuses stored values it did not write instead of throwing', async () => {
    for (const stored of ['', 'plain-text', 'scrypt$1$1$1$$', 'bcrypt$x$y', 'scrypt$16384$8$1$c2FsdA==$dG9vLXNob3J0']) {
      expect(await verifyPassword('anything', stored)).toBe(false);
    }
  });
});
