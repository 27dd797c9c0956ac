/**
 * The local provider's federated sign-in, as Cognito does it: a sign-in that names a connected
 * provider (`identity_provider`) goes there with an authorization-code flow (PKCE, state, nonce,
 * the client secret), comes back to `/oauth2/idpresponse`, and the ID token is verified against
 * that provider's keys. The tenant is the one that provider was connected for, and the person's
 * email domain must be connected to the same provider; nothing the person typed decides it.
 * Then the person becomes, or is updated as, a Waypoint user, and the interaction finishes at
 * `/interaction/<uid>/federated` (the interaction's cookie is scoped to that path).
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type Provider from 'oidc-provider';
import type { InteractionDetails } from 'oidc-provider';
import * as client from 'openid-client';
import { ulid } from 'ulid';
import { emailDomainOf } from '@waypoint/shared/federation/connection-schemas';
import { clock } from '@waypoint/shared/time/clock';
import { domainOwner, getConnection, providerTenant } from '../../federation/connection-store.ts';
import { signInFederatedPerson } from '../../federation/federated-users.ts';
import { tenantContext } from '../../platform/auth/caller.ts';
import type { AccountDirectory } from './account-directory.ts';
import { accountItem, findAccount } from './account-store.ts';
import { grantRequestedAccess } from './automatic-consent.ts';
import { sendNotice } from './interaction-routes.ts';
import { findLocalFederation } from './local-federation.ts';

export const IDP_RESPONSE_PATH = '/oauth2/idpresponse';
export const FEDERATED_FINISH_PATH = /^\/interaction\/([A-Za-z0-9_-]{1,64})\/federated$/;
const PENDING_MS = 10 * 60 * 1000;
/** Never matches a password: federated people sign in only through their council. */
const NO_PASSWORD = 'federated';

interface Pending {
  uid: string;
  providerName: string;
  codeVerifier: string;
  nonce: string;
  expiresAt: number;
}

interface Finished {
  uid: string;
  accountId: string;
  expiresAt: number;
}

export interface FederatedSignIn {
  begin(options: { details: InteractionDetails; res: ServerResponse; providerName: string }): Promise<void>;
  callback(req: IncomingMessage, res: ServerResponse): Promise<void>;
  finish(options: { provider: Provider; req: IncomingMessage; res: ServerResponse; uid: string }): Promise<void>;
}

/** Thrown for a sign-in Waypoint refuses: the message is shown to the person. */
class Refused extends Error {}

function takeFrom<T extends { expiresAt: number }>(map: Map<string, T>, key: string | null): T | undefined {
  const now = Date.now();
  for (const [k, v] of map) if (v.expiresAt < now) map.delete(k);
  if (!key) return undefined;
  const value = map.get(key);
  map.delete(key);
  return value;
}

export function createFederatedSignIn(options: { db: DynamoDBDocumentClient; tableName: string; issuer: string; accounts: AccountDirectory; portalUrl: string }): FederatedSignIn {
  const { db, tableName } = options;
  const platform = { db, tableName };
  const redirectUri = `${options.issuer}${IDP_RESPONSE_PATH}`;
  const pending = new Map<string, Pending>();
  const finished = new Map<string, Finished>();

  async function configurationFor(providerName: string): Promise<client.Configuration> {
    const federation = await findLocalFederation({ db, tableName, providerName });
    if (!federation || federation.kind !== 'oidc' || !federation.issuer || !federation.clientId || !federation.clientSecret) {
      throw new Refused('Your council’s sign-in is not connected to Waypoint on this machine (SAML sign-in works only in AWS).');
    }
    const issuer = new URL(federation.issuer);
    return client.discovery(issuer, federation.clientId, federation.clientSecret, client.ClientSecretBasic(federation.clientSecret), issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : undefined);
  }

  async function person(providerName: string, claims: client.IDToken) {
    const tenantId = await providerTenant(platform, providerName);
    const email = typeof claims.email === 'string' ? claims.email.toLowerCase() : '';
    const domain = emailDomainOf(email);
    const owner = domain ? await domainOwner(platform, domain) : undefined;
    if (!tenantId || !owner || owner.tenantId !== tenantId || owner.providerName !== providerName) {
      throw new Refused('Your council’s sign-in vouched for an email address that is not connected to it in Waypoint. Ask your Waypoint administrator to add its domain.');
    }
    const tenant = tenantContext({ tenantId, db, tableName, portalUrl: options.portalUrl });
    const connection = await getConnection(tenant);
    if (!connection) throw new Refused('Your council’s sign-in is no longer connected to Waypoint.');
    const existing = await findAccount({ db, tableName, email });
    if (existing && existing.tenantId !== tenantId) throw new Refused('That email address belongs to another authority in Waypoint.');
    const groups = Array.isArray(claims.groups) ? claims.groups.filter((g): g is string => typeof g === 'string') : [];
    const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 120) : email;
    const user = await signInFederatedPerson({ tenant, connection, person: { userId: existing?.userId ?? ulid(), email, name, groups }, at: clock.nowIso() });
    if (user.status === 'deactivated') throw new Refused('Your Waypoint account has been switched off by your authority’s administrator.');
    const account = accountItem({ email, userId: user.id, tenantId, role: user.role, name: user.name, passwordHash: existing?.passwordHash ?? NO_PASSWORD, active: true, ...(existing?.totpSecret ? { totpSecret: existing.totpSecret } : {}) });
    await db.send(new PutCommand({ TableName: tableName, Item: { ...account, federatedBy: providerName } }));
    options.accounts.remember(account);
    return user.id;
  }

  return {
    async begin({ details, res, providerName }) {
      try {
        const configuration = await configurationFor(providerName);
        const state = client.randomState();
        const entry: Pending = { uid: details.uid, providerName, codeVerifier: client.randomPKCECodeVerifier(), nonce: client.randomNonce(), expiresAt: Date.now() + PENDING_MS };
        takeFrom(pending, null);
        pending.set(state, entry);
        const hint: Record<string, string> = typeof details.params.login_hint === 'string' ? { login_hint: details.params.login_hint } : {};
        const url = client.buildAuthorizationUrl(configuration, {
          redirect_uri: redirectUri,
          scope: 'openid email profile',
          state,
          nonce: entry.nonce,
          code_challenge: await client.calculatePKCECodeChallenge(entry.codeVerifier),
          code_challenge_method: 'S256',
          ...hint,
        });
        res.writeHead(303, { location: url.href, 'cache-control': 'no-store' });
        res.end();
      } catch (error) {
        if (error instanceof Refused) return sendNotice(res, 400, 'You cannot sign in here', [error.message]);
        return sendNotice(res, 502, 'Your council’s sign-in cannot be reached', ['Waypoint could not reach your council’s sign-in service. Try again in a few minutes.']);
      }
    },

    async callback(req, res) {
      const url = new URL(req.url ?? '/', options.issuer);
      const entry = takeFrom(pending, url.searchParams.get('state'));
      if (!entry) return sendNotice(res, 400, 'Your sign-in has timed out', ['Go back to Waypoint and sign in again.']);
      try {
        const configuration = await configurationFor(entry.providerName);
        const tokens = await client.authorizationCodeGrant(configuration, new URL(`${redirectUri}${url.search}`), {
          pkceCodeVerifier: entry.codeVerifier,
          expectedState: url.searchParams.get('state') ?? undefined,
          expectedNonce: entry.nonce,
          idTokenExpected: true,
        });
        const claims = tokens.claims();
        if (!claims) throw new Refused('Your council’s sign-in did not say who you are.');
        const accountId = await person(entry.providerName, claims);
        const ticket = randomBytes(24).toString('base64url');
        finished.set(ticket, { uid: entry.uid, accountId, expiresAt: Date.now() + PENDING_MS });
        res.writeHead(303, { location: `/interaction/${entry.uid}/federated?ticket=${ticket}`, 'cache-control': 'no-store' });
        res.end();
      } catch (error) {
        if (error instanceof Refused) return sendNotice(res, 403, 'You cannot sign in to Waypoint', [error.message]);
        // The provider's error or a failed check of its token: its name only, never the token.
        console.error(`federated sign-in failed: ${error instanceof Error ? error.name : 'Error'}`);
        return sendNotice(res, 400, 'Sign-in could not be completed', ['Your council’s sign-in did not complete. Go back to Waypoint and sign in again.']);
      }
    },

    async finish({ provider, req, res, uid }) {
      const url = new URL(req.url ?? '/', options.issuer);
      const done = takeFrom(finished, url.searchParams.get('ticket'));
      let details: InteractionDetails | undefined;
      try {
        details = await provider.interactionDetails(req, res);
      } catch {
        details = undefined;
      }
      if (!done || !details || details.uid !== uid || done.uid !== uid) {
        return sendNotice(res, 400, 'Your sign-in has timed out', ['Sign-in must be finished in the browser it was started in, within 10 minutes.', 'Go back to Waypoint and sign in again.']);
      }
      const grantId = await grantRequestedAccess({ provider, details, accountId: done.accountId });
      await provider.interactionFinished(req, res, { login: { accountId: done.accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
    },
  };
}
