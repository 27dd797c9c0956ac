/**
 * The visitor's address, passed on by the portal for the API's limits on the public area
 * (wrong codes, requests per client). A header anyone can send proves nothing, so the portal
 * signs the address with a secret only it and the API hold (`CLIENT_ADDRESS_SECRET`, from
 * Secrets Manager through `CLIENT_ADDRESS_SECRET_ARN` in AWS), and the API believes the address
 * only when the signature matches; otherwise it counts the request against the address it came
 * from. Server-side only: the secret never reaches a browser.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ConfigError } from '../config/config-error.ts';
import { secretValue } from '../config/secret-value.ts';
import { CLIENT_ADDRESS_HEADER } from './code-guess-limits.ts';

export { CLIENT_ADDRESS_HEADER };
export const CLIENT_ADDRESS_SIGNATURE_HEADER = 'waypoint-client-address-signature';

/** Only for one machine, where the portal and the API run side by side. */
export const DEVELOPMENT_CLIENT_ADDRESS_SECRET = 'waypoint-local-client-address-not-for-aws-0001';

/**
 * The shared secret, or undefined inside Lambda when none is configured: then the portal passes
 * no address and the API believes none, which is safe (each request counts against where it
 * came from) rather than forgeable.
 */
export async function clientAddressSecret(env: Record<string, string | undefined> = process.env): Promise<string | undefined> {
  try {
    return await secretValue({ name: 'CLIENT_ADDRESS_SECRET', developmentValue: DEVELOPMENT_CLIENT_ADDRESS_SECRET }, { env });
  } catch (error) {
    if (error instanceof ConfigError && !env.CLIENT_ADDRESS_SECRET_ARN) return undefined;
    throw error;
  }
}

export function signClientAddress(secret: string, address: string): string {
  return createHmac('sha256', secret).update(address).digest('base64url');
}

/** The two headers the portal sends with a visitor's address. */
export function clientAddressHeaders(secret: string, address: string): Record<string, string> {
  return { [CLIENT_ADDRESS_HEADER]: address, [CLIENT_ADDRESS_SIGNATURE_HEADER]: signClientAddress(secret, address) };
}

/** Whether `signature` is the portal's for `address`, compared in constant time. */
export function isSignedClientAddress(secret: string, address: string, signature: string | undefined): boolean {
  if (!signature) return false;
  const expected = Buffer.from(signClientAddress(secret, address));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
