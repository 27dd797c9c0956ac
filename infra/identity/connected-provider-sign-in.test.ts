/**
 * Specifies the token trigger for a council provider connected at run time, against a real local
 * table: the tenant comes from the connection, and the person becomes a Waypoint user just in time
 * with the role and teams their groups are mapped to, updated at each sign-in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderConnection } from '@waypoint/shared/federation/connection-schemas';
import { putNewConnection, claimDomains, putProviderTenant } from '../../functions/src/federation/connection-store.ts';
import { tenantContext, type TenantContext } from '../../functions/src/platform/auth/caller.ts';
import { createDocumentClient } from '../../functions/src/platform/database/clients.ts';
import { startLocalDatabase, type LocalDatabase } from '../../functions/src/platform/database/local-database.ts';
import { ensureTable } from '../../functions/src/platform/database/table-bootstrap.ts';
import { putNewTeam } from '../../functions/src/teams/team-store.ts';
import { getUser } from '../../functions/src/users/user-store.ts';
import { createHandler, type ConnectionTable, type PreTokenGenerationV2Event } from './pre-token-generation.ts';

const TENANT = '3a1f6c0e-2b7d-4e59-8c41-9d0b5e7a6f12';
const PROVIDER = 'council-3a1f6c0e2b7d4e598c419d0b';
const AT = '2026-12-01T09:00:00.000Z';
const MANAGERS = '5b0e2c1a-0000-4000-8000-000000000001';
const SOCIAL_WORKERS = '5b0e2c1a-0000-4000-8000-000000000002';

let database: LocalDatabase;
let table: ConnectionTable;
let tenant: TenantContext;
let handler: ReturnType<typeof createHandler>;

beforeAll(async () => {
  database = await startLocalDatabase();
  const db = createDocumentClient({ endpoint: database.endpoint, region: 'eu-west-2' });
  table = { db, tableName: 'waypoint', portalUrl: 'http://localhost:5173' };
  await ensureTable(db, table.tableName);
  tenant = tenantContext({ tenantId: TENANT, ...table });
  for (const id of ['child-in-need', 'leaving-care']) await putNewTeam(tenant, { id, name: id, version: 1, createdAt: AT, updatedAt: AT });
  const connection: ProviderConnection = {
    kind: 'oidc',
    providerName: PROVIDER,
    issuer: 'https://login.example/council/v2.0',
    clientId: 'waypoint',
    clientSecretSet: true,
    domains: ['council.example'],
    groupMappings: [
      { groupId: MANAGERS, role: 'manager', teamIds: ['child-in-need'] },
      { groupId: SOCIAL_WORKERS, role: 'practitioner', teamIds: ['leaving-care'] },
    ],
    version: 1,
    createdAt: AT,
    updatedAt: AT,
  };
  await putNewConnection(tenant, connection);
  await claimDomains(table, { tenantId: TENANT, providerName: PROVIDER }, connection.domains);
  await putProviderTenant(table, PROVIDER, TENANT);
  handler = createHandler({ federatedTenants: {}, table });
});

afterAll(async () => {
  await database?.close();
});

function signIn(attributes: Record<string, string>, providerName = PROVIDER) {
  const event: PreTokenGenerationV2Event = {
    version: '2',
    triggerSource: 'TokenGeneration_HostedAuth',
    request: { userAttributes: { identities: JSON.stringify([{ providerName, providerType: 'OIDC' }]), ...attributes } },
    response: { claimsAndScopeOverrideDetails: null },
  };
  return handler(event).then((result) => result.response.claimsAndScopeOverrideDetails);
}

describe('signing in through a provider connected at run time', () => {
  it('makes the Waypoint user on the first sign-in, with the role and team their group is mapped to', async () => {
    const tokens = await signIn({ sub: 'sub-amira', email: 'Amira.Khan@council.example', name: 'Amira Khan', 'custom:groups': JSON.stringify([MANAGERS, 'unmapped']) });
    expect(tokens?.accessTokenGeneration?.claimsToAddOrOverride).toEqual({ tenant_id: TENANT, role: 'manager' });
    expect(tokens?.idTokenGeneration?.claimsToAddOrOverride).toEqual({ tenant_id: TENANT, role: 'manager' });
    const user = await getUser(tenant, 'sub-amira');
    expect(user).toMatchObject({ email: 'amira.khan@council.example', name: 'Amira Khan', role: 'manager', teamIds: ['child-in-need'], status: 'active' });
  });

  it('changes their role and teams at the next sign-in after their groups changed', async () => {
    // SAML group claims arrive bracketed and comma-separated.
    const tokens = await signIn({ sub: 'sub-amira', email: 'amira.khan@council.example', name: 'Amira Khan', 'custom:groups': `[${SOCIAL_WORKERS}]` });
    expect(tokens?.accessTokenGeneration?.claimsToAddOrOverride).toEqual({ tenant_id: TENANT, role: 'practitioner' });
    expect(await getUser(tenant, 'sub-amira')).toMatchObject({ role: 'practitioner', teamIds: ['leaving-care'], status: 'active', version: 2 });
  });

  it('makes someone in no mapped group a user awaiting approval, whom the API then refuses', async () => {
    const tokens = await signIn({ sub: 'sub-bo', email: 'bo@council.example', given_name: 'Bo', family_name: 'Lind' });
    // The tenant and the record's role, as locally: the API's check of the current record refuses them.
    expect(tokens?.accessTokenGeneration?.claimsToAddOrOverride).toEqual({ tenant_id: TENANT, role: 'practitioner' });
    expect(await getUser(tenant, 'sub-bo')).toMatchObject({ name: 'Bo Lind', status: 'awaiting-approval', active: false, teamIds: [] });
  });

  it('gives no tenant for a provider nobody connected, and makes no user', async () => {
    const tokens = await signIn({ sub: 'sub-eve', email: 'eve@council.example', 'custom:groups': JSON.stringify([MANAGERS]) }, 'council-ffffffffffffffffffffffff');
    expect(tokens?.accessTokenGeneration?.claimsToAddOrOverride).toEqual({});
    expect(await getUser(tenant, 'sub-eve')).toBeUndefined();
  });

  it('gives no tenant when the provider vouches for an email outside its connected domains', async () => {
    const tokens = await signIn({ sub: 'sub-mal', email: 'mal@elsewhere.example', 'custom:groups': JSON.stringify([MANAGERS]) });
    expect(tokens?.accessTokenGeneration?.claimsToAddOrOverride).toEqual({});
    expect(await getUser(tenant, 'sub-mal')).toBeUndefined();
  });

  it('never takes a tenant or role from the person’s own attributes', async () => {
    const tokens = await signIn({ sub: 'sub-cy', email: 'cy@council.example', 'custom:tenant_id': '7c9e6679-7425-40de-944b-e07fc1f90ae7', 'custom:role': 'admin', 'custom:groups': JSON.stringify([SOCIAL_WORKERS]) });
    expect(tokens?.accessTokenGeneration?.claimsToAddOrOverride).toEqual({ tenant_id: TENANT, role: 'practitioner' });
  });

  it('writes the tenant’s items through the client for the connected tenant (the tenant data role in AWS), never another', async () => {
    const asked: string[] = [];
    const scoped = createHandler({ federatedTenants: {}, table: { ...table, tenantDb: (tenantId) => (asked.push(tenantId), table.db) } });
    const event: PreTokenGenerationV2Event = {
      version: '2',
      triggerSource: 'TokenGeneration_HostedAuth',
      request: { userAttributes: { identities: JSON.stringify([{ providerName: PROVIDER, providerType: 'OIDC' }]), sub: 'sub-dee', email: 'dee@council.example', 'custom:groups': JSON.stringify([MANAGERS]) } },
      response: { claimsAndScopeOverrideDetails: null },
    };
    await scoped(event);
    expect(asked.length).toBeGreaterThan(0);
    expect(new Set(asked)).toEqual(new Set([TENANT]));
    expect(await getUser(tenant, 'sub-dee')).toMatchObject({ role: 'manager' });
  });
});
