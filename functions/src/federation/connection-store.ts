/**
 * Where a connection is kept: the tenant's own item (`TENANT#<t>` / `IDENTITY-PROVIDER`, never
 * the secret), and two kinds of platform item that sign-in reads before it knows any tenant:
 * each email domain's owner (`PLATFORM#EMAIL-DOMAIN#<domain>`), and the tenant each provider
 * vouches for (`PLATFORM#IDENTITY-PROVIDER#<name>`). A domain belongs to one tenant at most:
 * claiming it is conditional, so two authorities cannot both route the same addresses.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ProviderConnection } from '@waypoint/shared/federation/connection-schemas';
import { platformKeys } from '@waypoint/shared/tenancy/keys';
import type { TenantContext } from '../platform/auth/caller.ts';
import { createItem, getItem, updateVersioned } from '../platform/database/versioned-items.ts';
import { ApiError } from '../platform/http/api-error.ts';

export interface PlatformTable {
  db: DynamoDBDocumentClient;
  tableName: string;
}

export interface DomainOwner {
  tenantId: string;
  providerName: string;
}

export async function getConnection(tenant: TenantContext): Promise<ProviderConnection | undefined> {
  return getItem<ProviderConnection>(tenant, tenant.keys.identityProvider());
}

export async function putNewConnection(tenant: TenantContext, connection: ProviderConnection): Promise<void> {
  await createItem({ tenant, key: tenant.keys.identityProvider(), item: { ...connection }, what: 'identity provider connection' });
}

export async function updateConnection(options: { tenant: TenantContext; current: ProviderConnection; expectedVersion: number; changes: Partial<ProviderConnection>; at: string }) {
  return updateVersioned<ProviderConnection>({
    tenant: options.tenant,
    key: options.tenant.keys.identityProvider(),
    current: options.current,
    expectedVersion: options.expectedVersion,
    changes: { ...options.changes },
    at: options.at,
    what: 'identity provider connection',
  });
}

/** Deletes the connection only at the version the admin read, so a change made meanwhile is not lost. */
export async function deleteConnection(tenant: TenantContext, expectedVersion: number): Promise<boolean> {
  try {
    await tenant.db.send(
      new DeleteCommand({
        TableName: tenant.tableName,
        Key: tenant.keys.identityProvider(),
        ConditionExpression: 'version = :version',
        ExpressionAttributeValues: { ':version': expectedVersion },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

export async function domainOwner(platform: PlatformTable, domain: string): Promise<DomainOwner | undefined> {
  const { Item } = await platform.db.send(new GetCommand({ TableName: platform.tableName, Key: platformKeys.emailDomain(domain), ConsistentRead: true }));
  if (!Item || typeof Item.tenantId !== 'string' || typeof Item.providerName !== 'string') return undefined;
  return { tenantId: Item.tenantId, providerName: Item.providerName };
}

/** 409 naming the first domain another authority has connected already. */
export async function requireDomainsFree(platform: PlatformTable, tenantId: string, domains: readonly string[]): Promise<void> {
  for (const [index, domain] of domains.entries()) {
    const owner = await domainOwner(platform, domain);
    if (owner && owner.tenantId !== tenantId) {
      const message = `${domain} is already connected to another authority’s sign-in. If it should be yours, contact Waypoint support.`;
      throw new ApiError('conflict', message, { errors: [{ path: `domains.${index}`, message }], reason: 'domain-claimed' });
    }
  }
}

/** Claims each domain for the tenant: written only if free or already the tenant's, so a retry rewrites the same item. */
export async function claimDomains(platform: PlatformTable, owner: DomainOwner, domains: readonly string[]): Promise<void> {
  for (const [index, domain] of domains.entries()) {
    try {
      await platform.db.send(
        new PutCommand({
          TableName: platform.tableName,
          Item: { ...platformKeys.emailDomain(domain), domain, ...owner },
          ConditionExpression: 'attribute_not_exists(PK) OR tenantId = :tenant',
          ExpressionAttributeValues: { ':tenant': owner.tenantId },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const message = `${domain} was connected to another authority’s sign-in a moment ago.`;
      throw new ApiError('conflict', message, { errors: [{ path: `domains.${index}`, message }], reason: 'domain-claimed' });
    }
  }
}

/** Lets go of domains no longer connected; only the tenant's own claims are removed. */
export async function releaseDomains(platform: PlatformTable, tenantId: string, domains: readonly string[]): Promise<void> {
  for (const domain of domains) {
    try {
      await platform.db.send(
        new DeleteCommand({
          TableName: platform.tableName,
          Key: platformKeys.emailDomain(domain),
          ConditionExpression: 'tenantId = :tenant',
          ExpressionAttributeValues: { ':tenant': tenantId },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}

export async function putProviderTenant(platform: PlatformTable, providerName: string, tenantId: string): Promise<void> {
  await platform.db.send(new PutCommand({ TableName: platform.tableName, Item: { ...platformKeys.federatedProvider(providerName), providerName, tenantId } }));
}

export async function deleteProviderTenant(platform: PlatformTable, providerName: string): Promise<void> {
  await platform.db.send(new DeleteCommand({ TableName: platform.tableName, Key: platformKeys.federatedProvider(providerName) }));
}

/** The tenant a provider vouches for, read by sign-in from the provider that signed the token. */
export async function providerTenant(platform: PlatformTable, providerName: string): Promise<string | undefined> {
  const { Item } = await platform.db.send(new GetCommand({ TableName: platform.tableName, Key: platformKeys.federatedProvider(providerName), ConsistentRead: true }));
  return typeof Item?.tenantId === 'string' ? Item.tenantId : undefined;
}
