/**
 * Our translation of connecting a council's provider into Cognito's API. There is no AWS here,
 * so Cognito is a stand-in that records each command it receives and answers as Cognito's API
 * reference says it does (duplicate and missing providers, UpdateUserPoolClient resetting what it
 * is not given); whether Cognito itself accepts a real issuer is for a deployed installation.
 */
import {
  CreateIdentityProviderCommand,
  DeleteIdentityProviderCommand,
  DescribeIdentityProviderCommand,
  DescribeUserPoolClientCommand,
  DuplicateProviderException,
  InvalidParameterException,
  ResourceNotFoundException,
  UpdateIdentityProviderCommand,
  UpdateUserPoolClientCommand,
  type IdentityProviderType,
  type UserPoolClientType,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import type { ConnectProviderBody } from '@waypoint/shared/federation/connection-schemas';
import { cognitoFederation, type CognitoSender } from './cognito-federation.ts';
import { ProviderRejectedError } from './identity-federation.ts';

const POOL = 'eu-west-2_pool';
const CLIENT = 'portal-client';
const NAME = 'council-7f3c1a526d1e4b8a9c2f4e6f';
const TENANT = '7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801';

/** The portal client as the infra creates it: every one of these must survive an update. */
const PORTAL_CLIENT: UserPoolClientType = {
  UserPoolId: POOL,
  ClientId: CLIENT,
  ClientName: 'portal',
  CreationDate: new Date(0),
  LastModifiedDate: new Date(0),
  RefreshTokenValidity: 720,
  AccessTokenValidity: 60,
  IdTokenValidity: 60,
  TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' },
  ReadAttributes: ['custom:role', 'custom:tenant_id', 'email'],
  WriteAttributes: ['email', 'family_name', 'given_name', 'name'],
  ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
  SupportedIdentityProviders: ['COGNITO'],
  CallbackURLs: ['https://portal.example/auth/callback'],
  LogoutURLs: ['https://portal.example/'],
  AllowedOAuthFlows: ['code'],
  AllowedOAuthScopes: ['openid', 'email', 'profile'],
  AllowedOAuthFlowsUserPoolClient: true,
  PreventUserExistenceErrors: 'ENABLED',
  EnableTokenRevocation: true,
  EnablePropagateAdditionalUserContextData: false,
  AuthSessionValidity: 3,
};

/** What each command carries, loosely: the stand-in reads only the names it needs. */
type Input = { UserPoolId: string; ClientId: string; ProviderName: string; [field: string]: unknown };
type Sent = { name: string; input: Input };

/** A stand-in for one user pool's identity providers and the portal's app client. */
function fakeCognito(options: { rejectProviders?: boolean } = {}) {
  const providers = new Map<string, IdentityProviderType>();
  let client: UserPoolClientType = structuredClone(PORTAL_CLIENT);
  const sent: Sent[] = [];
  const send = (async (command: { constructor: { name: string }; input: Input }) => {
    const input = structuredClone(command.input);
    sent.push({ name: command.constructor.name, input });
    if (command instanceof CreateIdentityProviderCommand) {
      if (options.rejectProviders) throw new InvalidParameterException({ message: 'Unable to contact well-known endpoint', $metadata: {} });
      if (providers.has(input.ProviderName)) throw new DuplicateProviderException({ message: 'A provider with the name exists', $metadata: {} });
      providers.set(input.ProviderName, { ...input } as IdentityProviderType);
      return { IdentityProvider: input };
    }
    if (command instanceof DescribeIdentityProviderCommand) {
      const provider = providers.get(input.ProviderName);
      if (!provider) throw new ResourceNotFoundException({ message: 'Identity provider does not exist', $metadata: {} });
      return { IdentityProvider: structuredClone(provider) };
    }
    if (command instanceof UpdateIdentityProviderCommand) {
      const provider = providers.get(input.ProviderName);
      if (!provider) throw new ResourceNotFoundException({ message: 'Identity provider does not exist', $metadata: {} });
      providers.set(input.ProviderName, { ...provider, ...input });
      return { IdentityProvider: providers.get(input.ProviderName) };
    }
    if (command instanceof DeleteIdentityProviderCommand) {
      if (!providers.delete(input.ProviderName)) throw new ResourceNotFoundException({ message: 'Identity provider does not exist', $metadata: {} });
      return {};
    }
    if (command instanceof DescribeUserPoolClientCommand) return { UserPoolClient: structuredClone(client) };
    if (command instanceof UpdateUserPoolClientCommand) {
      // As Cognito does: whatever the request leaves out goes back to its default.
      const { UserPoolId, ClientId, ...given } = input;
      client = { UserPoolId, ClientId, CreationDate: client.CreationDate, LastModifiedDate: new Date(1), ...given } as UserPoolClientType;
      return { UserPoolClient: client };
    }
    throw new Error(`The stand-in does not know ${command.constructor.name}`);
  }) as unknown as CognitoSender['send'];
  return { cognito: { send }, providers, sent, client: () => client };
}

const oidc = (overrides: Partial<Extract<ConnectProviderBody, { kind: 'oidc' }>> = {}): ConnectProviderBody => ({
  kind: 'oidc',
  issuer: 'https://login.microsoftonline.com/tenant-guid/v2.0/',
  clientId: 'entra-app-id',
  clientSecret: 'first-secret',
  domains: ['northvale.gov.uk', 'northvale-childrens-services-department.example.gov.uk'],
  groupMappings: [],
  ...overrides,
});

const federation = (fake: ReturnType<typeof fakeCognito>) => cognitoFederation({ userPoolId: POOL, portalClientId: CLIENT, region: 'eu-west-2', cognito: fake.cognito });

describe('connecting a council’s provider in Cognito', () => {
  it('creates an OpenID Connect provider, routes its email domains to it and offers it on the portal’s sign-in', async () => {
    const fake = fakeCognito();
    await federation(fake).register({ providerName: NAME, tenantId: TENANT, settings: oidc() });
    const create = fake.sent.find((s) => s.name === 'CreateIdentityProviderCommand');
    expect(create?.input).toEqual({
      UserPoolId: POOL,
      ProviderName: NAME,
      ProviderType: 'OIDC',
      ProviderDetails: {
        client_id: 'entra-app-id',
        client_secret: 'first-secret',
        authorize_scopes: 'openid email profile',
        oidc_issuer: 'https://login.microsoftonline.com/tenant-guid/v2.0',
        attributes_request_method: 'GET',
      },
      AttributeMapping: { email: 'email', name: 'name', given_name: 'given_name', family_name: 'family_name', 'custom:groups': 'groups' },
      // The second domain is longer than Cognito's 40-character identifier; the sign-in page's own discovery still routes it.
      IdpIdentifiers: ['northvale.gov.uk'],
    });
    expect(fake.client().SupportedIdentityProviders).toEqual(['COGNITO', NAME]);
  });

  it('maps the groups but never the tenant or role, which a person could otherwise write through the portal’s client', async () => {
    const fake = fakeCognito();
    await federation(fake).register({ providerName: NAME, tenantId: TENANT, settings: oidc() });
    const mapped = Object.keys(fake.providers.get(NAME)?.AttributeMapping ?? {});
    expect(mapped.filter((attribute) => attribute.startsWith('custom:'))).toEqual(['custom:groups']);
  });

  it('updates the provider when it exists, keeping the secret Cognito holds when none is sent', async () => {
    const fake = fakeCognito();
    const federated = federation(fake);
    await federated.register({ providerName: NAME, tenantId: TENANT, settings: oidc() });
    await federated.register({ providerName: NAME, tenantId: TENANT, settings: oidc({ clientId: 'new-app-id', clientSecret: undefined, domains: ['northvale.gov.uk', 'nv.example'] }) });
    const update = fake.sent.find((s) => s.name === 'UpdateIdentityProviderCommand');
    expect(update?.input.ProviderDetails).toMatchObject({ client_id: 'new-app-id', client_secret: 'first-secret' });
    expect(update?.input.IdpIdentifiers).toEqual(['northvale.gov.uk', 'nv.example']);
    expect(fake.providers.get(NAME)?.ProviderDetails).toMatchObject({ client_id: 'new-app-id', client_secret: 'first-secret' });
    // Already offered on the portal's sign-in: the client is not written again, nor offered twice.
    expect(fake.sent.filter((s) => s.name === 'UpdateUserPoolClientCommand')).toHaveLength(1);
    expect(fake.client().SupportedIdentityProviders).toEqual(['COGNITO', NAME]);
  });

  it('replaces a given secret on update', async () => {
    const fake = fakeCognito();
    const federated = federation(fake);
    await federated.register({ providerName: NAME, tenantId: TENANT, settings: oidc() });
    await federated.register({ providerName: NAME, tenantId: TENANT, settings: oidc({ clientSecret: 'rotated' }) });
    expect(fake.providers.get(NAME)?.ProviderDetails?.client_secret).toBe('rotated');
  });

  it('creates a SAML provider from a metadata address, or from the metadata itself, with the SAML claim names', async () => {
    const byUrl = fakeCognito();
    await federation(byUrl).register({ providerName: NAME, tenantId: TENANT, settings: { kind: 'saml', metadataUrl: 'https://login.microsoftonline.com/x/federationmetadata.xml', domains: ['northvale.gov.uk'], groupMappings: [] } });
    const created = byUrl.providers.get(NAME);
    expect(created).toMatchObject({ ProviderType: 'SAML', ProviderDetails: { MetadataURL: 'https://login.microsoftonline.com/x/federationmetadata.xml' }, IdpIdentifiers: ['northvale.gov.uk'] });
    expect(created?.AttributeMapping?.email).toBe('http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress');
    expect(created?.AttributeMapping?.['custom:groups']).toBe('http://schemas.microsoft.com/ws/2008/06/identity/claims/groups');

    const byXml = fakeCognito();
    const xml = '<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://sts.example/"/>';
    await federation(byXml).register({ providerName: NAME, tenantId: TENANT, settings: { kind: 'saml', metadataXml: xml, domains: ['northvale.gov.uk'], groupMappings: [] } });
    expect(byXml.providers.get(NAME)?.ProviderDetails).toEqual({ MetadataFile: xml });
    expect(byXml.client().SupportedIdentityProviders).toEqual(['COGNITO', NAME]);
  });

  it('turns an OpenID provider into a SAML one by replacing it, as Cognito cannot change a provider’s type', async () => {
    const fake = fakeCognito();
    const federated = federation(fake);
    await federated.register({ providerName: NAME, tenantId: TENANT, settings: oidc() });
    await federated.register({ providerName: NAME, tenantId: TENANT, settings: { kind: 'saml', metadataUrl: 'https://sts.example/metadata', domains: ['northvale.gov.uk'], groupMappings: [] } });
    expect(fake.providers.get(NAME)).toMatchObject({ ProviderType: 'SAML', ProviderDetails: { MetadataURL: 'https://sts.example/metadata' } });
    expect(fake.sent.map((s) => s.name)).toContain('DeleteIdentityProviderCommand');
    expect(fake.client().SupportedIdentityProviders).toEqual(['COGNITO', NAME]);
  });

  it('copies every other setting of the portal’s client back when it changes its providers', async () => {
    const fake = fakeCognito();
    await federation(fake).register({ providerName: NAME, tenantId: TENANT, settings: oidc() });
    const { CreationDate: _c, LastModifiedDate: _l, SupportedIdentityProviders: _s, ...settings } = PORTAL_CLIENT;
    expect(fake.client()).toMatchObject(settings);
    const update = fake.sent.find((s) => s.name === 'UpdateUserPoolClientCommand');
    expect(Object.keys(update?.input ?? {})).not.toContain('CreationDate');
    expect(Object.keys(update?.input ?? {})).not.toContain('LastModifiedDate');
  });

  it('disconnects by taking the provider off the portal’s client and then deleting it', async () => {
    const fake = fakeCognito();
    const federated = federation(fake);
    await federated.register({ providerName: NAME, tenantId: TENANT, settings: oidc() });
    fake.sent.length = 0;
    await federated.unregister(NAME);
    expect(fake.sent.map((s) => s.name)).toEqual(['DescribeUserPoolClientCommand', 'UpdateUserPoolClientCommand', 'DeleteIdentityProviderCommand']);
    expect(fake.providers.has(NAME)).toBe(false);
    const { CreationDate: _c, LastModifiedDate: _l, ...settings } = PORTAL_CLIENT;
    expect(fake.client()).toMatchObject({ ...settings, SupportedIdentityProviders: ['COGNITO'] });
  });

  it('treats a provider already gone as disconnected', async () => {
    const fake = fakeCognito();
    await expect(federation(fake).unregister(NAME)).resolves.toBeUndefined();
    expect(fake.sent.map((s) => s.name)).toEqual(['DescribeUserPoolClientCommand', 'DeleteIdentityProviderCommand']);
  });

  it('reports details Cognito refuses as a rejected provider in plain words, and offers nothing on sign-in', async () => {
    const fake = fakeCognito({ rejectProviders: true });
    const attempt = federation(fake).register({ providerName: NAME, tenantId: TENANT, settings: oidc() });
    await expect(attempt).rejects.toBeInstanceOf(ProviderRejectedError);
    await expect(attempt).rejects.toThrow(/Check the issuer address/);
    expect(fake.client().SupportedIdentityProviders).toEqual(['COGNITO']);
    expect(fake.sent.map((s) => s.name)).not.toContain('UpdateUserPoolClientCommand');
  });
});
