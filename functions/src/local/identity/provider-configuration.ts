/**
 * oidc-provider's configuration for local sign-in: the portal and command-line clients,
 * JWT access tokens for the Waypoint API carrying the tenant and role, automatic consent
 * (both clients are Waypoint's own) and Waypoint's pages in place of the built-in ones.
 */
import type { JWK } from 'jose';
import { errors, type Client, type Configuration, type Token } from 'oidc-provider';
import type { AccountDirectory } from './account-directory.ts';
import { logoutSource, postLogoutSuccessSource, renderError } from './provider-pages.ts';
import { API_AUDIENCE, API_RESOURCE, CLI_CLIENT_ID, CLI_REDIRECT_URI, PORTAL_CLIENT_ID } from './waypoint-clients.ts';

export const ACCESS_TOKEN_TTL_SECONDS = 60 * 60;
const WORKING_DAY_SECONDS = 8 * 60 * 60;
/** What an ID token may tell the portal about the person; the API needs none of it. */
const PERSON_SCOPES = 'openid email profile offline_access';

export interface ProviderConfigurationOptions {
  accounts: AccountDirectory;
  /** A private JWK (with `kid`, `alg` RS256, `use` sig) generated at start-up. */
  signingKey: JWK;
  /** Secrets that sign the provider's cookies. */
  cookieKeys: string[];
  portalRedirectUris: string[];
  portalPostLogoutRedirectUris: string[];
}

function clients(options: ProviderConfigurationOptions) {
  return [
    {
      client_id: PORTAL_CLIENT_ID,
      client_name: 'Waypoint',
      application_type: 'web',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: options.portalRedirectUris,
      post_logout_redirect_uris: options.portalPostLogoutRedirectUris,
    },
    {
      client_id: CLI_CLIENT_ID,
      client_name: 'Waypoint command line',
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: [CLI_REDIRECT_URI],
    },
  ];
}

export function providerConfiguration(options: ProviderConfigurationOptions): Configuration {
  const { accounts } = options;
  return {
    clients: clients(options),
    jwks: { keys: [options.signingKey] },
    cookies: { keys: options.cookieKeys },
    scopes: ['openid', 'email', 'profile', 'offline_access'],
    claims: { openid: ['sub'], email: ['email'], profile: ['name'] },
    // Put email and name in the ID token itself: the API-bound access token cannot call userinfo.
    conformIdTokenClaims: false,
    responseTypes: ['code'],
    // Cognito's parameter naming the council provider to sign in through.
    extraParams: ['identity_provider'],
    pkce: { required: () => true },
    // Nothing calls the provider from a browser script: the portal talks to it server-side.
    clientBasedCORS: () => false,
    findAccount: async (_ctx: unknown, subject: string) => {
      const account = await accounts.findBySubject(subject);
      if (!account) return undefined;
      return { accountId: subject, claims: () => ({ sub: subject, email: account.email, name: account.name }) };
    },
    extraTokenClaims: async (_ctx: unknown, token: Token) => {
      if (token.kind !== 'AccessToken' || token.accountId === undefined) return undefined;
      const account = await accounts.findBySubject(token.accountId);
      if (!account) throw new Error('The signed-in account is no longer active');
      return {
        token_use: 'access',
        role: account.role,
        // The operator belongs to no tenant, so the claim is left out rather than null.
        ...(account.tenantId === null ? {} : { tenant_id: account.tenantId }),
      };
    },
    issueRefreshToken: async (_ctx: unknown, client: Client) => client.grantTypeAllowed('refresh_token'),
    ttl: {
      AccessToken: ACCESS_TOKEN_TTL_SECONDS,
      IdToken: ACCESS_TOKEN_TTL_SECONDS,
      AuthorizationCode: 60,
      Interaction: 30 * 60,
      RefreshToken: WORKING_DAY_SECONDS,
      Session: WORKING_DAY_SECONDS,
      Grant: WORKING_DAY_SECONDS,
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    renderError,
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: false },
      // A client may revoke only its own tokens (sign-out revokes the portal's refresh token).
      revocation: { enabled: true, allowedPolicy: async (_ctx: unknown, client: Client, token: Token) => token.clientId === client.clientId },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
      resourceIndicators: {
        enabled: true,
        // A client that names no resource still gets a JWT for the API.
        defaultResource: async () => API_RESOURCE,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx: unknown, indicator: string) => {
          if (indicator !== API_RESOURCE) throw new errors.InvalidTarget();
          return {
            audience: API_AUDIENCE,
            scope: PERSON_SCOPES,
            accessTokenTTL: ACCESS_TOKEN_TTL_SECONDS,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
  };
}
