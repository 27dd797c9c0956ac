/**
 * Tenants: the tenant's own profile (in its partition) and the platform directory
 * (`PLATFORM#` items: every tenant, and slug → tenant for the public engagement area).
 * Platform items are written only by onboarding (the seed locally, the operator's API later).
 */
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { platformKeys } from '@waypoint/shared/tenancy/keys';
import type { TenantContext } from '../platform/auth/caller.ts';
import { getItem } from '../platform/database/versioned-items.ts';

export interface TenantProfile {
  id: string;
  slug: string;
  name: string;
  status: 'active' | 'suspended';
  createdAt: string;
}

export async function getTenantSummary(tenant: TenantContext): Promise<{ id: string; slug: string; name: string } | null> {
  const profile = await getItem<TenantProfile>(tenant, tenant.keys.profile());
  const settings = await getItem<{ name: string }>(tenant, tenant.keys.settings());
  return profile ? { id: profile.id, slug: profile.slug, name: settings?.name ?? profile.name } : null;
}

/** Writes the directory entries for a tenant; repeating it with the same profile changes nothing. */
export async function registerTenantInDirectory(options: { platformClient: DynamoDBDocumentClient; tableName: string; profile: TenantProfile }) {
  const { platformClient, tableName, profile } = options;
  await platformClient.send(new PutCommand({ TableName: tableName, Item: { ...platformKeys.tenant(profile.id), ...profile } }));
  await platformClient.send(new PutCommand({ TableName: tableName, Item: { ...platformKeys.slug(profile.slug), tenantId: profile.id } }));
}

/** Every tenant's id, from the platform directory (a few hundred at most). */
export async function listTenantIds(options: { platformClient: DynamoDBDocumentClient; tableName: string }): Promise<string[]> {
  const ids: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await options.platformClient.send(
      new QueryCommand({
        TableName: options.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': platformKeys.tenantsPartition() },
        ProjectionExpression: 'id',
        ExclusiveStartKey: start,
      }),
    );
    ids.push(...(page.Items ?? []).map((item) => String(item.id)));
    start = page.LastEvaluatedKey;
  } while (start);
  return ids;
}
