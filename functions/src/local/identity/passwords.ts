/**
 * Password hashing for the local identity provider's accounts: scrypt with a random salt,
 * stored as one self-describing string so the parameters can change without a migration.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const SCHEME = 'scrypt';
const SALT_BYTES = 16;
const KEY_BYTES = 32;
export interface PasswordCost {
  N: number;
  r: number;
  p: number;
}
/** Node's default cost (N = 2^14): tens of milliseconds, enough for a local provider. */
const COST: PasswordCost = { N: 16384, r: 8, p: 1 };
/**
 * For the demo accounts the test suites seed once and sign in to hundreds of times (a sixteenth
 * of the work: about 2 ms a check instead of 36). A stored hash names its own cost, so the
 * same sign-in code checks it. Never for an account a person uses.
 */
export const TEST_PASSWORD_COST: PasswordCost = { N: 1024, r: 8, p: 1 };
/** A stored value asking for more than this would tie up memory and CPU for seconds. */
const MAX_COST_N = 2 ** 17;

function deriveKey(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** Returns `scrypt$N$r$p$<salt base64>$<hash base64>`. */
export async function hashPassword(password: string, cost: PasswordCost = COST): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await deriveKey(password, salt, cost);
  return [SCHEME, cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** False for a wrong password and for anything that is not a hash this module wrote. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== SCHEME) return false;
  const [N = 0, r = 0, p = 0] = parts.slice(1, 4).map(Number);
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || N > MAX_COST_N) return false;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  if (salt.length === 0 || expected.length !== KEY_BYTES) return false;
  try {
    const actual = await deriveKey(password, salt, { N, r, p, maxmem: 256 * N * r });
    return timingSafeEqual(actual, expected);
  } catch {
    return false;
  }
}
