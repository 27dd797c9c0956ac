/** Staff sign-in with OpenID Connect: authorization code flow with PKCE, as a public client. */
import * as client from 'openid-client';
import { isLoopback, portalConfig } from '../config.ts';
import { SignInError } from '../errors.ts';
import type { LoginState, StaffSession } from '../session/staff-session.ts';

const SCOPE = 'openid email profile';

let discovered: Promise<client.Configuration> | undefined;
let providerOrigins: string[] = [];

/** Discovers the provider once; a failure is not cached, so a provider that starts late is found later. */
function oidcConfiguration(): Promise<client.Configuration> {
  if (!discovered) {
    const config = portalConfig();
    const insecure = config.issuer.protocol === 'http:' && isLoopback(config.issuer);
    discovered = client
      .discovery(config.issuer, config.clientId, { token_endpoint_auth_method: 'none' }, client.None(), insecure ? { execute: [client.allowInsecureRequests] } : undefined)
      .then((configuration) => {
        const metadata = configuration.serverMetadata();
        const endpoints = [metadata.issuer, metadata.authorization_endpoint, metadata.end_session_endpoint];
        providerOrigins = [...new Set(endpoints.filter((e): e is string => !!e).map((e) => new URL(e).origin))];
        return configuration;
      })
      .catch((cause: unknown) => {
        discovered = undefined;
        throw new SignInError('The sign-in service could not be reached', { cause });
      });
  }
  return discovered;
}

/**
 * Origins a form post may be redirected to (sign-out goes to the provider). Known after
 * discovery; until then the issuer's origin, which is where the local provider and most others live.
 */
export function signInProviderOrigins(): string[] {
  return providerOrigins.length > 0 ? providerOrigins : [portalConfig().issuer.origin];
}

function redirectUri(): string {
  return new URL('/auth/callback', portalConfig().origin).href;
}

/** What the email-first step learned: the address typed (filled in for them), and their council's provider, if any. */
export interface SignInRoute {
  loginHint?: string;
  /** The sign-in service's name for the council's provider: it sends the person straight there (Cognito's `identity_provider`). */
  identityProvider?: string;
}

/** Builds the provider's authorization URL and the state to keep until the user comes back. */
export async function beginSignIn(returnTo: string, route: SignInRoute = {}): Promise<{ url: URL; login: LoginState }> {
  const configuration = await oidcConfiguration();
  const login: LoginState = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier: client.randomPKCECodeVerifier(),
    returnTo,
  };
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri(),
    scope: SCOPE,
    response_type: 'code',
    state: login.state,
    nonce: login.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(login.codeVerifier),
    code_challenge_method: 'S256',
    ...(route.loginHint ? { login_hint: route.loginHint } : {}),
    ...(route.identityProvider ? { identity_provider: route.identityProvider } : {}),
  });
  return { url, login };
}

/** Exchanges the authorization code, checking state, nonce and the PKCE verifier. */
export async function completeSignIn(callbackUrl: URL, login: LoginState): Promise<StaffSession> {
  const configuration = await oidcConfiguration();
  // Rebuild the callback URL on the public origin: behind a proxy the request URL may differ.
  const current = new URL(redirectUri());
  current.search = callbackUrl.search;
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(configuration, current, {
      pkceCodeVerifier: login.codeVerifier,
      expectedState: login.state,
      expectedNonce: login.nonce,
      idTokenExpected: true,
    });
  } catch (cause) {
    throw new SignInError('The sign-in could not be completed', { cause });
  }
  const claims = tokens.claims();
  if (!claims || !tokens.id_token) throw new SignInError('The sign-in service returned no ID token');
  const expiresIn = tokens.expiresIn() ?? 300;
  const email = typeof claims.email === 'string' ? claims.email : '';
  const name = typeof claims.name === 'string' && claims.name.trim() !== '' ? claims.name : email || 'Signed-in user';
  return {
    accessToken: tokens.access_token,
    idToken: tokens.id_token,
    expiresAt: Math.floor(Date.now() / 1000) + expiresIn,
    name,
    email,
  };
}

/** Where to send the browser after the session is cleared: the provider's logout, or home. */
export async function signOutUrl(idToken: string | undefined): Promise<string> {
  const home = new URL('/', portalConfig().origin).href;
  let configuration: client.Configuration;
  try {
    configuration = await oidcConfiguration();
  } catch {
    return home;
  }
  if (!configuration.serverMetadata().end_session_endpoint) return home;
  const parameters: Record<string, string> = { post_logout_redirect_uri: home, client_id: portalConfig().clientId };
  if (idToken) parameters.id_token_hint = idToken;
  return client.buildEndSessionUrl(configuration, parameters).href;
}
