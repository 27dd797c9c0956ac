/**
 * `/v1/identity-provider`: a tenant admin connects the council's own identity provider (OpenID
 * Connect or SAML), says which email domains sign in through it and which of its groups give
 * which role and teams. Checked in the order: admin (403), If-Match (428/412), body (400),
 * teams (400), domains (409), the provider itself (400); only then is anything written, the
 * sign-in service first, so a refusal at any step changes nothing.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { ConnectProviderBody, providerNameFor, type ProviderConnection } from '@waypoint/shared/federation/connection-schemas';
import { clock } from '@waypoint/shared/time/clock';
import type { AppEnv } from '../api/app-env.ts';
import { describeRoutes } from '../openapi/route-docs.ts';
import { versionedFields } from '../openapi/resource-fields.ts';
import { recordActivity } from '../platform/activity/activity-log.ts';
import { requireRole } from '../platform/auth/caller.ts';
import { changedFields } from '../platform/database/versioned-items.ts';
import { ApiError, notFound } from '../platform/http/api-error.ts';
import { readJsonBody } from '../platform/http/validation.ts';
import { requireIfMatch, setEtag } from '../platform/http/versioning.ts';
import { checkMappedTeams } from './group-mapping-checks.ts';
import { claimDomains, deleteConnection, deleteProviderTenant, getConnection, putNewConnection, putProviderTenant, releaseDomains, requireDomainsFree, updateConnection } from './connection-store.ts';
import { ProviderRejectedError } from './identity-federation.ts';
import { checkProvider } from './provider-check.ts';

const ENTITY = 'identity-provider';

export const connectionRoutes = new Hono<AppEnv>();

connectionRoutes.get('/', async (c) => {
  requireRole(c.var.staff, ['admin']);
  const connection = await getConnection(c.var.tenant);
  if (!connection) throw notFound('identity provider connection');
  setEtag(c, connection.version);
  return c.json(connection);
});

/** The stored form: what was sent, less the secret, with whether a secret is held. */
function storedSettings(body: ConnectProviderBody, secretHeld: boolean): Omit<ProviderConnection, 'providerName' | 'version' | 'createdAt' | 'updatedAt'> {
  if (body.kind === 'oidc') {
    const { clientSecret: _secret, ...rest } = body;
    return { ...rest, clientSecretSet: secretHeld, metadataUrl: undefined, metadataXml: undefined };
  }
  return { ...body, issuer: undefined, clientId: undefined, clientSecretSet: undefined };
}

connectionRoutes.put('/', async (c) => {
  const { tenant, staff, deps } = c.var;
  requireRole(staff, ['admin']);
  const current = await getConnection(tenant);
  // The first connection has nothing to be stale against; every later change must quote its version.
  const expectedVersion = current ? requireIfMatch(c) : undefined;
  if (current && expectedVersion !== current.version) {
    throw new ApiError('precondition-failed', `The connection was changed by someone else (now version ${current.version}); read it again and reapply your change`);
  }
  const body = await readJsonBody(c, ConnectProviderBody);
  const keepsSecret = body.kind === 'oidc' && body.clientSecret === undefined;
  if (keepsSecret && !(current?.kind === 'oidc' && current.clientSecretSet)) {
    const message = 'Enter the client secret';
    throw new ApiError('validation', message, { errors: [{ path: 'clientSecret', message }] });
  }
  await checkMappedTeams(tenant, body.groupMappings);
  const platform = { db: deps.platformClient, tableName: deps.tableName };
  await requireDomainsFree(platform, tenant.tenantId, body.domains);
  const federation = deps.federation;
  if (!federation) throw new ApiError('unavailable', 'Connecting your own sign-in is not available on this installation');
  await checkProvider(body, { allowLoopback: federation.allowsLoopbackProviders });

  const providerName = providerNameFor(tenant.tenantId);
  try {
    await federation.register({ providerName, tenantId: tenant.tenantId, settings: body });
  } catch (error) {
    if (!(error instanceof ProviderRejectedError)) throw error;
    const path = body.kind === 'oidc' ? 'issuer' : body.metadataUrl ? 'metadataUrl' : 'metadataXml';
    throw new ApiError('validation', error.message, { errors: [{ path, message: error.message }], reason: 'provider-rejected' });
  }
  await claimDomains(platform, { tenantId: tenant.tenantId, providerName }, body.domains);
  await putProviderTenant(platform, providerName, tenant.tenantId);

  const at = clock.nowIso();
  const settings = storedSettings(body, body.kind === 'oidc');
  let result: ProviderConnection;
  if (!current) {
    result = { ...settings, providerName, version: 1, createdAt: at, updatedAt: at } as ProviderConnection;
    result = JSON.parse(JSON.stringify(result)) as ProviderConnection;
    await putNewConnection(tenant, result);
    await recordActivity({
      tenant,
      actor: staff,
      action: 'created',
      entity: ENTITY,
      entityId: ENTITY,
      versionBefore: null,
      versionAfter: 1,
      at,
      changes: Object.keys(result)
        .filter((k) => !['version', 'createdAt', 'updatedAt'].includes(k))
        .sort(),
    });
  } else {
    const { before, after } = await updateConnection({ tenant, current, expectedVersion: current.version, changes: settings, at });
    result = after;
    await recordActivity({ tenant, actor: staff, action: 'updated', entity: ENTITY, entityId: ENTITY, versionBefore: before.version, versionAfter: after.version, at, changes: changedFields({ ...before }, { ...after }) });
    await releaseDomains(
      platform,
      tenant.tenantId,
      before.domains.filter((d) => !body.domains.includes(d)),
    );
  }
  setEtag(c, result.version);
  return c.json(result, current ? 200 : 201);
});

/**
 * Disconnecting: the sign-in service forgets the provider first and the email domains are let go,
 * so nobody is sent to it any more; the connection item goes last, so a retry after a failure
 * part-way finds it and finishes. People who signed in through it stay as users; with no
 * password of their own they cannot sign in until it is connected again.
 */
connectionRoutes.delete('/', async (c) => {
  const { tenant, staff, deps } = c.var;
  requireRole(staff, ['admin']);
  const current = await getConnection(tenant);
  if (!current) throw notFound('identity provider connection');
  const expectedVersion = requireIfMatch(c);
  const stale = () => new ApiError('precondition-failed', `The connection was changed by someone else (now version ${current.version}); read it again before disconnecting`);
  if (expectedVersion !== current.version) throw stale();
  const platform = { db: deps.platformClient, tableName: deps.tableName };
  await deps.federation?.unregister(current.providerName);
  await releaseDomains(platform, tenant.tenantId, current.domains);
  await deleteProviderTenant(platform, current.providerName);
  if (!(await deleteConnection(tenant, expectedVersion))) throw stale();
  await recordActivity({ tenant, actor: staff, action: 'deleted', entity: ENTITY, entityId: ENTITY, versionBefore: current.version, versionAfter: current.version + 1, at: clock.nowIso(), changes: [] });
  return c.json({ connected: false, releasedDomains: current.domains });
});

const ConnectionResource = v.pipe(
  v.object({
    kind: v.picklist(['oidc', 'saml']),
    providerName: v.string(),
    issuer: v.optional(v.string()),
    clientId: v.optional(v.string()),
    clientSecretSet: v.optional(v.boolean()),
    metadataUrl: v.optional(v.string()),
    metadataXml: v.optional(v.string()),
    domains: v.array(v.string()),
    groupMappings: v.array(v.object({ groupId: v.string(), role: v.string(), teamIds: v.array(v.string()) })),
    ...versionedFields,
  }),
  v.title('IdentityProviderConnection'),
);

const DisconnectedResource = v.pipe(v.object({ connected: v.literal(false), releasedDomains: v.array(v.string()) }), v.title('IdentityProviderDisconnected'));

export const connectionRouteDocs = describeRoutes([
  {
    method: 'get',
    path: '/v1/identity-provider',
    tag: 'Sign-in',
    summary: 'Read the council’s identity provider connection',
    description: 'Never includes the client secret, only whether one is held. 404 until a provider is connected.',
    access: ['admin'],
    success: { status: 200, description: 'The connection and its version', schema: ConnectionResource, etag: true },
  },
  {
    method: 'put',
    path: '/v1/identity-provider',
    tag: 'Sign-in',
    summary: 'Connect the council’s identity provider, or change the connection',
    description:
      'The provider is checked first (an OpenID issuer’s discovery document, or SAML metadata); a provider that cannot be reached or does not describe itself properly is a 400 and nothing changes. An email domain another authority has connected is a 409. If-Match is required once a connection exists. Leave out `clientSecret` to keep the one given before.',
    access: ['admin'],
    body: ConnectProviderBody,
    otherErrors: [409, 412, 428, 503],
    success: { status: 200, description: 'The connection as saved (201 the first time)', schema: ConnectionResource, etag: true },
  },
  {
    method: 'delete',
    path: '/v1/identity-provider',
    tag: 'Sign-in',
    summary: 'Disconnect the council’s identity provider',
    description: 'Its email domains sign in with a password again and the sign-in service forgets the provider. People who signed in through it stay as users. If-Match is required.',
    access: ['admin'],
    ifMatch: true,
    success: { status: 200, description: 'Disconnected, with the email domains let go', schema: DisconnectedResource },
  },
]);
