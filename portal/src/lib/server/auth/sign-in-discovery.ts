/**
 * The email-first step of signing in: asks the API how an address signs in (its council's own
 * provider, or a Waypoint password). The address goes in the body, never in a URL or a log.
 */
import { portalConfig } from '../config.ts';
import { SignInError } from '../errors.ts';

export type SignInMethod = { method: 'password' } | { method: 'federated'; providerName: string };

const TIMEOUT_MS = 10_000;

export async function discoverSignIn(email: string): Promise<SignInMethod> {
  let response: Response;
  try {
    response = await fetch(new URL('/v1/sign-in/discovery', portalConfig().apiUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ email }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (cause) {
    throw new SignInError('Sign-in discovery could not be reached', { cause });
  }
  if (!response.ok) throw new SignInError(`Sign-in discovery answered ${response.status}`);
  const body = (await response.json()) as Partial<{ method: string; providerName: string }>;
  if (body.method === 'federated' && typeof body.providerName === 'string') return { method: 'federated', providerName: body.providerName };
  return { method: 'password' };
}
