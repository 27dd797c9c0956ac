/** Seals small JSON values into AES-256-GCM encrypted, tamper-evident cookie strings. */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;

const keys = new Map<string, Buffer>();

/** One key per secret, derived with HKDF so the raw secret is never the cipher key. */
function keyFor(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'waypoint-portal', 'session-cookie v1', 32));
    keys.set(secret, key);
  }
  return key;
}

/**
 * Encrypts `value` for the cookie called `purpose`. The purpose is bound in as
 * associated data, so one cookie's sealed value cannot be replayed as another's.
 */
export function seal(value: unknown, options: { secret: string; purpose: string }): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyFor(options.secret), iv);
  cipher.setAAD(Buffer.from(options.purpose));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** Returns the sealed value, or undefined when it was altered, truncated or sealed with another key. */
export function unseal(sealed: string, options: { secret: string; purpose: string }): unknown {
  try {
    const raw = Buffer.from(sealed, 'base64url');
    if (raw.length <= IV_BYTES + TAG_BYTES) return undefined;
    const decipher = createDecipheriv('aes-256-gcm', keyFor(options.secret), raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(options.purpose));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const text = Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
