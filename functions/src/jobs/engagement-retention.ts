/**
 * Retention for engagement: responses (drafts 30 days after their last save, sent ones
 * after the authority's retention period) and safety alerts go once their `expiresAt` has
 * passed. DynamoDB's TTL does the same in AWS; dynalite has none, so locally this does.
 */
import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { EXPIRY_ATTRIBUTE } from '@waypoint/shared/table/table-definition';
import { expiredAlertKeys } from '../alerts/alert-store.ts';
import { listActivityIds } from '../engagement/activity-store.ts';
import type { TenantContext } from '../platform/auth/caller.ts';

async function expiredResponseKeys(tenant: TenantContext, activityId: string, nowSeconds: number): Promise<Record<string, unknown>[]> {
  const prefix = tenant.keys.feedbackResponsesPrefix(activityId);
  const keys: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await tenant.db.send(
      new QueryCommand({
        TableName: tenant.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        FilterExpression: '#expiry < :now',
        ExpressionAttributeNames: { '#expiry': EXPIRY_ATTRIBUTE },
        ExpressionAttributeValues: { ':pk': prefix.PK, ':prefix': prefix.SK, ':now': nowSeconds },
        ProjectionExpression: 'PK, SK',
        ExclusiveStartKey: start,
      }),
    );
    keys.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return keys;
}

async function deleteAll(tenant: TenantContext, keys: Record<string, unknown>[]): Promise<number> {
  for (let i = 0; i < keys.length; i += 25) {
    const batch = keys.slice(i, i + 25);
    await tenant.db.send(new BatchWriteCommand({ RequestItems: { [tenant.tableName]: batch.map((Key) => ({ DeleteRequest: { Key } })) } }));
  }
  return keys.length;
}

/** Removes the tenant's expired responses and alerts; returns how many went. */
export async function removeExpiredEngagement(tenant: TenantContext, nowSeconds: number): Promise<number> {
  let removed = 0;
  for (const activityId of await listActivityIds(tenant)) removed += await deleteAll(tenant, await expiredResponseKeys(tenant, activityId, nowSeconds));
  removed += await deleteAll(tenant, await expiredAlertKeys(tenant, nowSeconds));
  return removed;
}
