/**
 * Signs in over HTTP exactly as a browser would (authorization code with PKCE, through
 * Waypoint's sign-in page, the password and then the code from an authenticator app, computed
 * here from its secret) and returns the access token: used by the `token` command and by
 * test suites that need tokens for demo users.
 */
import { createHash, randomBytes } from 'node:crypto';
import { CookieJar } from './cookie-jar.ts';
import { CLI_CLIENT_ID, CLI_REDIRECT_URI } from './waypoint-clients.ts';
import { SIGN_IN_FAILED_MESSAGE } from './sign-in-page.ts';
import { currentCode, DEMO_TOTP_SECRET } from './one-time-codes.ts';
import { STEP_FIELD } from './one-time-code-pages.ts';

export class SignInRefusedError extends Error {
  constructor(options?: ErrorOptions) {
    super('Sign-in refused: the email address or password is wrong, or the account is not active', options);
    this.name = 'SignInRefusedError';
  }
}

export class IdentityProviderUnreachableError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'IdentityProviderUnreachableError';
  }
}

/** The provider answered, but not as a sign-in should go (bad client, redirect URI, ...). */
export class SignInFlowError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SignInFlowError';
  }
}

export interface FetchAccessTokenOptions {
  issuer: string;
  email: string;
  password: string;
  clientId?: string;
  redirectUri?: string;
  scope?: string;
  /**
   * The secret of the person's authenticator app, for the code the provider asks for after the
   * password: by default the one this process set up for the email (below), else the demo one.
   */
  totpSecret?: string;
  /**
   * Sign in through a council's own provider instead (the `identity_provider` Cognito takes):
   * its name, and its issuer, where the email and password are then typed.
   */
  federated?: { providerName: string; issuer: string };
}

interface Endpoints {
  authorization_endpoint: string;
  token_endpoint: string;
}

const REQUEST_TIMEOUT_MS = 10_000;
const MAX_STEPS = 16;
const endpointsByIssuer = new Map<string, Promise<Endpoints>>();

async function send(url: string, init: RequestInit & { jar?: CookieJar }): Promise<Response> {
  const headers = new Headers(init.headers);
  const cookie = init.jar?.headerFor(url);
  if (cookie) headers.set('cookie', cookie);
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers, redirect: 'manual', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = cause?.code ?? cause?.message ?? (error as Error).name;
    throw new IdentityProviderUnreachableError(`Cannot reach the identity provider at ${new URL(url).origin} (${reason}). Is it running?`, { cause: error });
  }
  init.jar?.store(url, response);
  return response;
}

function discover(issuer: string): Promise<Endpoints> {
  let endpoints = endpointsByIssuer.get(issuer);
  if (!endpoints) {
    endpoints = (async () => {
      const response = await send(`${issuer}/.well-known/openid-configuration`, {});
      if (!response.ok) throw new SignInFlowError(`The identity provider's discovery document answered ${response.status}`);
      return (await response.json()) as Endpoints;
    })();
    // A failure is not remembered, so a provider started later is found.
    endpoints.catch(() => endpointsByIssuer.delete(issuer));
    endpointsByIssuer.set(issuer, endpoints);
  }
  return endpoints;
}

/**
 * Secrets of authenticator apps this process set up, by email: a person the suites create sets
 * one up at their first sign-in (as anyone would, through the page), and signs in with it after.
 */
const enrolledSecrets = new Map<string, string>();

export function rememberEnrolledSecret(email: string, secret: string): void {
  enrolledSecrets.set(email.trim().toLowerCase(), secret);
}

export function totpSecretFor(email: string): string {
  return enrolledSecrets.get(email.trim().toLowerCase()) ?? DEMO_TOTP_SECRET;
}

/** Which second-step page this is, and for setting up, the key it shows. */
export function secondStepOf(html: string): { step: 'code' } | { step: 'enrol'; secret: string } | undefined {
  const step = new RegExp(`<input type="hidden" name="${STEP_FIELD}" value="(code|enrol)">`).exec(html)?.[1];
  if (step === 'code') return { step };
  if (step !== 'enrol') return undefined;
  const secret = /<p class="secret" id="totp-secret">([A-Z2-7 ]+)<\/p>/.exec(html)?.[1]?.replace(/ /g, '');
  if (!secret) throw new SignInFlowError('The page for setting up an authenticator app shows no key');
  return { step, secret };
}

/** Where the sign-in form posts to, as the page says. */
function formAction(html: string, pageUrl: string): string {
  const action = /<form[^>]*\saction="([^"]*)"/.exec(html)?.[1];
  if (action === undefined) throw new SignInFlowError('The sign-in page has no form');
  return new URL(action.replaceAll('&amp;', '&'), pageUrl).href;
}

/** The visible words of an error page, for a message that says what went wrong. */
async function pageText(response: Response): Promise<string> {
  const html = await response.text();
  const main = /<main[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1] ?? '';
  return main
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300);
}

/** The token endpoint's answer: the access token for the API, and an ID token about the person. */
export interface TokenResponse {
  access_token: string;
  id_token?: string;
  refresh_token?: string;
  expires_in?: number;
  scope?: string;
  token_type?: string;
}

async function exchangeCode(options: { tokenEndpoint: string; code: string; clientId: string; redirectUri: string; verifier: string }): Promise<TokenResponse> {
  const response = await send(options.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: options.code,
      redirect_uri: options.redirectUri,
      client_id: options.clientId,
      code_verifier: options.verifier,
    }),
  });
  const body = (await response.json().catch(() => ({}))) as Partial<TokenResponse> & { error?: string };
  if (!response.ok || typeof body.access_token !== 'string') {
    throw new SignInFlowError(`The token endpoint refused the code (${response.status} ${body.error ?? ''})`.trim());
  }
  return body as TokenResponse;
}

function codeFromRedirect(location: URL, expected: { state: string; issuer: string }): string {
  const error = location.searchParams.get('error');
  if (error) throw new SignInFlowError(`The identity provider refused the sign-in: ${error} ${location.searchParams.get('error_description') ?? ''}`.trim());
  if (location.searchParams.get('state') !== expected.state) throw new SignInFlowError('The sign-in came back with the wrong state');
  const issuer = location.searchParams.get('iss');
  if (issuer !== null && issuer !== expected.issuer) throw new SignInFlowError('The sign-in came back from a different issuer');
  const code = location.searchParams.get('code');
  if (!code) throw new SignInFlowError('The sign-in came back without a code');
  return code;
}

/**
 * Signs in and returns the access token for the API.
 * @example const token = await fetchAccessToken({ issuer: 'http://localhost:3100', email, password: DEMO_PASSWORD });
 */
export async function fetchAccessToken(options: FetchAccessTokenOptions): Promise<string> {
  return (await signInWithPassword(options)).access_token;
}

/** Signs in and returns the whole token response (ID token and, for the portal client, a refresh token). */
export async function signInWithPassword(options: FetchAccessTokenOptions): Promise<TokenResponse> {
  const issuer = options.issuer.replace(/\/+$/, '');
  const clientId = options.clientId ?? CLI_CLIENT_ID;
  const redirectUri = options.redirectUri ?? CLI_REDIRECT_URI;
  const endpoints = await discover(issuer);
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const authorize = new URL(endpoints.authorization_endpoint);
  authorize.search = new URLSearchParams({
    client_id: clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: options.scope ?? 'openid email profile',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    state,
    ...(options.federated ? { identity_provider: options.federated.providerName } : {}),
  }).toString();

  const jar = new CookieJar();
  const origins = new Set([new URL(issuer).origin, ...(options.federated ? [new URL(options.federated.issuer).origin] : [])]);
  let url = authorize.href;
  let response = await send(url, { jar });
  let credentialsSent = false;
  let codeSent = false;
  for (let step = 0; step < MAX_STEPS; step++) {
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      const next = new URL(location, url);
      if (next.href.startsWith(`${redirectUri}?`)) {
        const code = codeFromRedirect(next, { state, issuer });
        return exchangeCode({ tokenEndpoint: endpoints.token_endpoint, code, clientId, redirectUri, verifier });
      }
      if (!origins.has(next.origin)) throw new SignInFlowError(`The sign-in was redirected away, to ${next.origin}`);
      url = next.href;
      response = await send(url, { jar });
      continue;
    }
    const onSignInPage = new URL(url).pathname.startsWith('/interaction/');
    if (onSignInPage && response.status === 200 && !credentialsSent) {
      const action = formAction(await response.text(), url);
      credentialsSent = true;
      response = await send(action, {
        method: 'POST',
        jar,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email: options.email, password: options.password }),
      });
      continue;
    }
    // After the password, the code from the person's app (setting the app up the first time).
    if (onSignInPage && response.status === 200 && credentialsSent && !codeSent) {
      const html = await response.text();
      const second = secondStepOf(html);
      if (!second) throw new SignInFlowError(`The sign-in stopped at ${new URL(url).pathname} after the password`);
      if (second.step === 'enrol') rememberEnrolledSecret(options.email, second.secret);
      const secret = second.step === 'enrol' ? second.secret : (options.totpSecret ?? totpSecretFor(options.email));
      codeSent = true;
      response = await send(formAction(html, url), {
        method: 'POST',
        jar,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ [STEP_FIELD]: second.step, code: await currentCode(secret) }),
      });
      continue;
    }
    const text = await pageText(response);
    if (onSignInPage && credentialsSent && response.status === 400 && text.includes(SIGN_IN_FAILED_MESSAGE)) {
      throw new SignInRefusedError();
    }
    throw new SignInFlowError(`The sign-in stopped at ${new URL(url).pathname} (${response.status}): ${text}`);
  }
  throw new SignInFlowError('The sign-in went round in circles');
}
