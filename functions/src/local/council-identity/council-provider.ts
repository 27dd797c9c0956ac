/**
 * A second local OpenID provider that plays Northvale Council's own Entra ID, on its own port:
 * its own sign-in page, people and groups (`council-directory.ts`), and one confidential client,
 * Waypoint's sign-in service, whose callback is where Cognito takes a federated provider's
 * answer (`/oauth2/idpresponse`). ID tokens carry `email`, `name` and a `groups` claim of group
 * object ids, as Entra's do when the app registration asks for group claims.
 */
import { generateKeyPair, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import type { JWK } from 'jose';
import Provider, { type Configuration, type InteractionDetails } from 'oidc-provider';
import { grantRequestedAccess } from '../identity/automatic-consent.ts';
import { formField, isSameOrigin, readForm, sendNotice, sendPage } from '../identity/interaction-routes.ts';
import { verifyPassword, hashPassword } from '../identity/passwords.ts';
import { renderSignInPage } from '../identity/sign-in-page.ts';
import { findCouncilPerson } from './council-directory.ts';

export const COUNCIL_CLIENT_ID = 'waypoint-sign-in';
/** Fixed so the connect screen can be filled in by hand on this machine; it opens nothing real. */
export const COUNCIL_CLIENT_SECRET = 'northvale-entra-stand-in-secret';
const COUNCIL_NAME = 'Northvale Council';
const INTERACTION_PATH = /^\/interaction\/([A-Za-z0-9_-]{1,64})$/;

export interface CouncilProviderOptions {
  /** 0 picks a free port. Listens on 127.0.0.1 only. */
  port: number;
  /** Where Waypoint's sign-in service takes the answer: `<its issuer>/oauth2/idpresponse`. */
  redirectUri: string;
  password: string;
}

export interface RunningCouncilProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

async function signingKey(): Promise<JWK> {
  const { privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' } as JWK;
}

function configuration(options: CouncilProviderOptions, key: JWK): Configuration {
  return {
    clients: [
      {
        client_id: COUNCIL_CLIENT_ID,
        client_secret: COUNCIL_CLIENT_SECRET,
        client_name: 'Waypoint',
        token_endpoint_auth_method: 'client_secret_basic',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: [options.redirectUri],
      },
    ],
    jwks: { keys: [key] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    scopes: ['openid', 'email', 'profile'],
    claims: { openid: ['sub'], email: ['email'], profile: ['name', 'preferred_username', 'groups'] },
    conformIdTokenClaims: false,
    responseTypes: ['code'],
    clientBasedCORS: () => false,
    findAccount: async (_ctx: unknown, subject: string) => {
      const person = findCouncilPerson({ subject });
      if (!person) return undefined;
      return { accountId: subject, claims: () => ({ sub: subject, email: person.email, name: person.name, preferred_username: person.email, groups: person.groups }) };
    },
    ttl: { AccessToken: 3600, IdToken: 3600, AuthorizationCode: 60, Interaction: 30 * 60, Session: 8 * 3600, Grant: 8 * 3600 },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    features: { devInteractions: { enabled: false }, userinfo: { enabled: false } },
  } as Configuration;
}

function signInPage(action: string, email?: string, failed?: boolean): string {
  return renderSignInPage({
    action,
    email,
    failed,
    siteName: COUNCIL_NAME,
    heading: 'Sign in with your council account',
    intro: 'This page stands in for Northvale Council’s own Microsoft Entra ID sign-in on this development machine.',
  });
}

async function interaction(provider: Provider, req: IncomingMessage, res: ServerResponse, uid: string, passwordHash: Promise<string>) {
  let details: InteractionDetails | undefined;
  try {
    details = await provider.interactionDetails(req, res);
  } catch {
    details = undefined;
  }
  if (!details || details.uid !== uid) return sendNotice(res, 400, 'Your sign-in has timed out', ['Go back to Waypoint and sign in again.']);
  const action = `/interaction/${uid}`;
  if (details.prompt.name === 'consent') {
    const accountId = details.session?.accountId;
    if (!accountId) return sendNotice(res, 400, 'Sign-in could not continue', ['Go back to Waypoint and sign in again.']);
    const grantId = await grantRequestedAccess({ provider, details, accountId, defaultResources: [] });
    return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }
  if (req.method === 'GET') return sendPage(res, 200, signInPage(action, typeof details.params.login_hint === 'string' ? details.params.login_hint : undefined));
  if (req.method !== 'POST' || !isSameOrigin(req)) return sendNotice(res, 405, 'Sign-in could not continue', ['Go back to Waypoint and sign in again.']);
  const form = await readForm(req);
  const email = formField(form, 'email').trim();
  const person = findCouncilPerson({ email });
  const matches = await verifyPassword(formField(form, 'password'), await passwordHash);
  if (!person || !matches) return sendPage(res, 400, signInPage(action, email, true));
  const grantId = await grantRequestedAccess({ provider, details, accountId: person.subject, defaultResources: [] });
  await provider.interactionFinished(req, res, { login: { accountId: person.subject }, consent: { grantId } }, { mergeWithLastSubmission: false });
}

export async function startCouncilProvider(options: CouncilProviderOptions): Promise<RunningCouncilProvider> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const issuer = `http://localhost:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, configuration(options, await signingKey()));
  provider.proxy = false;
  const handle = provider.callback();
  // Every person shares the demo password; hashing it once makes each check cost the same.
  const passwordHash = hashPassword(options.password);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const uid = INTERACTION_PATH.exec(new URL(req.url ?? '/', issuer).pathname)?.[1];
    if (!uid) return handle(req, res);
    interaction(provider, req, res, uid, passwordHash).catch((error: unknown) => {
      console.error(`council identity provider: ${error instanceof Error ? error.name : 'Error'}`);
      if (!res.headersSent) sendNotice(res, 500, 'Sorry, there is a problem', ['Sign-in is not working at the moment.']);
    });
  });
  return {
    issuer,
    clientId: COUNCIL_CLIENT_ID,
    clientSecret: COUNCIL_CLIENT_SECRET,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
