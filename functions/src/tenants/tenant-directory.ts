/**
 * Tenants: the tenant's own profile (in its partition) and the platform directory
 * (`PLATFORM#` items: every tenant with its status, and slug → tenant for the public
 * engagement area). Platform items are written only by tenant creation
 * (`tenant-creation.ts`) and the operator's status changes.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { platformKeys } from '@waypoint/shared/tenancy/keys';
import type { TenantEntry } from '@waypoint/shared/tenancy/tenant-schemas';
import type { TenantContext } from '../platform/auth/caller.ts';
import { queryIndexPage } from '../platform/database/index-page.ts';
import { getItem, withoutKeys, type ItemStore } from '../platform/database/versioned-items.ts';

export interface TenantProfile {
  id: string;
  slug: string;
  name: string;
  region?: string;
  createdAt: string;
}

export async function getTenantSummary(tenant: TenantContext): Promise<{ id: string; slug: string; name: string } | null> {
  const profile = await getItem<TenantProfile>(tenant, tenant.keys.profile());
  const settings = await getItem<{ name: string }>(tenant, tenant.keys.settings());
  return profile ? { id: profile.id, slug: profile.slug, name: settings?.name ?? profile.name } : null;
}

/** Entries written before they were versioned read as version 1. */
/** Entries written before they were versioned read as version 1. */
const withVersion = (entry: TenantEntry): TenantEntry => ({ ...entry, version: entry.version ?? 1 });
const asEntry = (item: Record<string, unknown>): TenantEntry => withVersion(withoutKeys<TenantEntry>(item));

export async function getTenantEntry(platform: ItemStore, tenantId: string): Promise<TenantEntry | undefined> {
  const item = await getItem<Record<string, unknown>>(platform, platformKeys.tenant(tenantId));
  return item && asEntry(item);
}

/**
 * Gives an entry written before entries were versioned its version 1, so a change can be
 * made conditional on it like any other; does nothing to an entry that has one.
 */
export async function ensureEntryVersion(platform: ItemStore, tenantId: string): Promise<void> {
  try {
    await platform.db.send(
      new UpdateCommand({
        TableName: platform.tableName,
        Key: platformKeys.tenant(tenantId),
        UpdateExpression: 'SET #version = :one',
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(#version)',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

/** A page of the directory, in the order of the tenants' ids. */
export async function listTenantEntries(options: { platform: ItemStore; limit: number; cursor?: string }) {
  const partition = platformKeys.tenantsPartition();
  const page = await queryIndexPage<TenantEntry>({ db: options.platform.db, tableName: options.platform.tableName, partition, newestFirst: false, limit: options.limit, cursor: options.cursor, cursorRoot: partition });
  return { ...page, items: page.items.map(withVersion) };
}

/**
 * Every tenant's id, from the platform directory (a few hundred at most), but for authorities
 * whose data is being or has been deleted: no job may write anything under their keys again.
 */
export async function listTenantIds(options: { platformClient: DynamoDBDocumentClient; tableName: string }): Promise<string[]> {
  return (await listDirectory(options)).filter((entry) => entry.status !== 'deleting' && entry.status !== 'deleted').map((entry) => entry.id);
}

/** Every directory entry's id and status. */
export async function listDirectory(options: { platformClient: DynamoDBDocumentClient; tableName: string }): Promise<Pick<TenantEntry, 'id' | 'status'>[]> {
  const ids: Pick<TenantEntry, 'id' | 'status'>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await options.platformClient.send(
      new QueryCommand({
        TableName: options.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': platformKeys.tenantsPartition() },
        ProjectionExpression: 'id, #status',
        ExpressionAttributeNames: { '#status': 'status' },
        ExclusiveStartKey: start,
      }),
    );
    ids.push(...(page.Items ?? []).map((item) => ({ id: String(item.id), status: item.status as TenantEntry['status'] })));
    start = page.LastEvaluatedKey;
  } while (start);
  return ids;
}
