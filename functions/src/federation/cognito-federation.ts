/**
 * Connecting a council's provider in AWS: the API creates (or updates) the identity provider in
 * the Cognito user pool through the Cognito API and adds it to the portal's app client, so the
 * hosted sign-in can send people to it at once; no deployment is involved.
 *
 * The Cognito client is loaded on the first connect or disconnect, not when the API starts: only
 * these two routes use it, and every cold start would otherwise pay for loading it.
 */
import type { CognitoIdentityProviderClient, IdentityProviderTypeType, UpdateUserPoolClientRequest, UserPoolClientType } from '@aws-sdk/client-cognito-identity-provider';
import type { ConnectProviderBody } from '@waypoint/shared/federation/connection-schemas';
import { ProviderRejectedError, type IdentityFederation } from './identity-federation.ts';

export interface CognitoSender {
  send: CognitoIdentityProviderClient['send'];
}

type CognitoModule = typeof import('@aws-sdk/client-cognito-identity-provider');

/** The custom attribute a provider's group ids go into, read by the token trigger (pre-token-generation.ts). */
export const GROUPS_ATTRIBUTE = 'custom:groups';

/** The claim names SAML providers (Entra ID among them) use for a person's email, names and groups. */
const SAML_CLAIMS = {
  email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
  name: 'http://schemas.microsoft.com/identity/claims/displayname',
  given_name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname',
  family_name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname',
  [GROUPS_ATTRIBUTE]: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups',
};

/**
 * The person's email, names and group ids. Cognito writes mapped attributes at every sign-in, so a
 * change in the council's groups reaches the trigger at the next sign-in, and it needs the portal's
 * app client to be allowed to write them (portal-client.ts). Nothing mapped decides the tenant or
 * the role by itself: the tenant comes from the provider that signed the person in, and the
 * groups count only through the mapping that tenant's admin saved.
 */
const OIDC_ATTRIBUTES = { email: 'email', name: 'name', given_name: 'given_name', family_name: 'family_name', [GROUPS_ATTRIBUTE]: 'groups' };

/** Cognito's limit on an identifier; longer domains still route through the sign-in page's own discovery. */
const MAX_IDP_IDENTIFIER = 40;

/** Every field UpdateUserPoolClient takes: any left out is reset to its default, so all are copied back. */
const CLIENT_FIELDS = [
  'ClientName',
  'RefreshTokenValidity',
  'AccessTokenValidity',
  'IdTokenValidity',
  'TokenValidityUnits',
  'ReadAttributes',
  'WriteAttributes',
  'ExplicitAuthFlows',
  'SupportedIdentityProviders',
  'CallbackURLs',
  'LogoutURLs',
  'DefaultRedirectURI',
  'AllowedOAuthFlows',
  'AllowedOAuthScopes',
  'AllowedOAuthFlowsUserPoolClient',
  'AnalyticsConfiguration',
  'PreventUserExistenceErrors',
  'EnableTokenRevocation',
  'EnablePropagateAdditionalUserContextData',
  'AuthSessionValidity',
  'RefreshTokenRotation',
] as const satisfies readonly (keyof UpdateUserPoolClientRequest & keyof UserPoolClientType)[];

const named = (error: unknown, name: string) => (error as Error | undefined)?.name === name;

function providerType(settings: ConnectProviderBody): IdentityProviderTypeType {
  return settings.kind === 'oidc' ? 'OIDC' : 'SAML';
}

/** Cognito's ProviderDetails; `keptSecret` is the secret Cognito already holds, used when none was sent. */
function providerDetails(settings: ConnectProviderBody, keptSecret?: string): Record<string, string> {
  if (settings.kind === 'saml') return settings.metadataUrl ? { MetadataURL: settings.metadataUrl } : { MetadataFile: settings.metadataXml ?? '' };
  const secret = settings.clientSecret ?? keptSecret;
  return {
    client_id: settings.clientId,
    ...(secret !== undefined ? { client_secret: secret } : {}),
    authorize_scopes: 'openid email profile',
    oidc_issuer: settings.issuer.replace(/\/+$/, ''),
    attributes_request_method: 'GET',
  };
}

function rejection(settings: ConnectProviderBody): string {
  if (settings.kind === 'oidc') return 'The sign-in service could not use your council’s provider with these details. Check the issuer address, client id and client secret, then try again.';
  return 'The sign-in service could not use your council’s SAML metadata. Check that it is the metadata your provider gives for Waypoint, then try again.';
}

export function cognitoFederation(options: { userPoolId: string; portalClientId: string; region: string; cognito?: CognitoSender }): IdentityFederation {
  const UserPoolId = options.userPoolId;
  const ClientId = options.portalClientId;
  let loaded: Promise<{ sdk: CognitoModule; cognito: CognitoSender }> | undefined;
  const load = () =>
    (loaded ??= import('@aws-sdk/client-cognito-identity-provider').then((sdk) => ({
      sdk,
      cognito: options.cognito ?? new sdk.CognitoIdentityProviderClient({ region: options.region }),
    })));

  /** Rewrites the portal's app client with its providers changed, every other setting as it was. */
  async function changeClientProviders(change: (providers: string[]) => string[]): Promise<void> {
    const { sdk, cognito } = await load();
    const { UserPoolClient: client } = await cognito.send(new sdk.DescribeUserPoolClientCommand({ UserPoolId, ClientId }));
    if (!client) throw new Error('Cognito described no portal app client');
    const before = client.SupportedIdentityProviders ?? [];
    const after = change(before);
    if (after.length === before.length && after.every((p, i) => p === before[i])) return;
    const kept = Object.fromEntries(CLIENT_FIELDS.filter((field) => client[field] !== undefined).map((field) => [field, client[field]]));
    await cognito.send(new sdk.UpdateUserPoolClientCommand({ ...kept, UserPoolId, ClientId, SupportedIdentityProviders: after }));
  }

  async function deleteProvider(ProviderName: string): Promise<void> {
    const { sdk, cognito } = await load();
    try {
      await cognito.send(new sdk.DeleteIdentityProviderCommand({ UserPoolId, ProviderName }));
    } catch (error) {
      if (!named(error, 'ResourceNotFoundException')) throw error;
    }
  }

  async function unregister(providerName: string): Promise<void> {
    // Out of the client first: Cognito will not delete a provider an app client still offers.
    await changeClientProviders((providers) => providers.filter((p) => p !== providerName));
    await deleteProvider(providerName);
  }

  return {
    allowsLoopbackProviders: false,
    async register({ providerName: ProviderName, settings }) {
      const { sdk, cognito } = await load();
      const common = {
        UserPoolId,
        ProviderName,
        AttributeMapping: settings.kind === 'oidc' ? OIDC_ATTRIBUTES : SAML_CLAIMS,
        IdpIdentifiers: settings.domains.filter((d) => d.length <= MAX_IDP_IDENTIFIER),
      };
      try {
        try {
          await cognito.send(new sdk.CreateIdentityProviderCommand({ ...common, ProviderType: providerType(settings), ProviderDetails: providerDetails(settings) }));
        } catch (error) {
          if (!named(error, 'DuplicateProviderException')) throw error;
          const { IdentityProvider: existing } = await cognito.send(new sdk.DescribeIdentityProviderCommand({ UserPoolId, ProviderName }));
          if (existing?.ProviderType !== providerType(settings)) {
            // Cognito cannot change a provider's type in place (OpenID Connect to SAML or back).
            await unregister(ProviderName);
            await cognito.send(new sdk.CreateIdentityProviderCommand({ ...common, ProviderType: providerType(settings), ProviderDetails: providerDetails(settings) }));
          } else {
            await cognito.send(new sdk.UpdateIdentityProviderCommand({ ...common, ProviderDetails: providerDetails(settings, existing.ProviderDetails?.client_secret) }));
          }
        }
      } catch (error) {
        // Cognito fetches the issuer's discovery document or the metadata itself; its reason stays in `cause`.
        if (named(error, 'InvalidParameterException')) throw new ProviderRejectedError(rejection(settings), { cause: error });
        throw error;
      }
      await changeClientProviders((providers) => (providers.includes(ProviderName) ? providers : [...providers, ProviderName]));
    },
    unregister,
  };
}
