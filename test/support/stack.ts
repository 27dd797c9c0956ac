/**
 * A whole Waypoint for one test file: in-memory dynalite with the demo data, the local
 * OpenID provider, the API and (optionally) the built portal, on free ports.
 */
import { startLocalStack, type LocalStack } from '@waypoint/functions/local/local-stack';
import { DEMO_PASSWORD } from '@waypoint/functions/local/identity/demo-password';
import { fetchAccessToken } from '@waypoint/functions/local/identity/sign-in-flow';

export interface TestStack extends LocalStack {
  /** An access token for a seeded user, from a real sign-in; cached per email. */
  tokenFor(email: string): Promise<string>;
  /** fetch against the API with that user's token. */
  api(email: string | null, path: string, init?: RequestInit): Promise<Response>;
}

export async function startStack(options: { portal?: boolean } = {}): Promise<TestStack> {
  const stack = await startLocalStack({ ports: { identity: 0, api: 0 }, portal: options.portal ?? false, quiet: true });
  const tokens = new Map<string, Promise<string>>();
  const tokenFor = (email: string) => {
    let token = tokens.get(email);
    if (!token) {
      token = fetchAccessToken({ issuer: stack.issuer, email, password: DEMO_PASSWORD });
      tokens.set(email, token);
    }
    return token;
  };
  const api = async (email: string | null, path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (email) headers.set('authorization', `Bearer ${await tokenFor(email)}`);
    if (init.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
    return fetch(`${stack.apiUrl}${path}`, { ...init, headers });
  };
  return { ...stack, tokenFor, api };
}
