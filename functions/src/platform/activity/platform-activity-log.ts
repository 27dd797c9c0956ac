/**
 * The platform activity log: what each operator did to which authority, and when. Like the
 * tenants' log it keeps the names of the fields a change touched, never their values. Each
 * entry's key is derived from the action (its time, the authority and what was done), so
 * writing it again after a retry overwrites the same entry instead of adding another.
 */
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { platformKeys } from '@waypoint/shared/tenancy/keys';
import type { PlatformAction } from '@waypoint/shared/tenancy/tenant-schemas';
import type { Caller } from '../auth/caller.ts';
import { withoutKeys, type ItemStore } from '../database/versioned-items.ts';
import { decodeCursor, encodeCursor, requireCursorIn } from '../http/pagination.ts';

export interface PlatformActivityEntry {
  id: string;
  at: string;
  actorId: string;
  action: PlatformAction;
  tenantId: string;
  changes: string[];
}

export async function recordPlatformActivity(options: { platform: ItemStore; actor: Pick<Caller, 'userId'>; action: PlatformAction; tenantId: string; at: string; changes: string[] }): Promise<void> {
  const key = platformKeys.activity(options.at, options.tenantId, options.action);
  const entry: PlatformActivityEntry = {
    id: Buffer.from(key.SK).toString('base64url'),
    at: options.at,
    actorId: options.actor.userId,
    action: options.action,
    tenantId: options.tenantId,
    changes: options.changes,
  };
  await options.platform.db.send(new PutCommand({ TableName: options.platform.tableName, Item: { ...key, ...entry } }));
}

/** Newest first, a page at a time. */
export async function listPlatformActivity(options: { platform: ItemStore; limit: number; cursor?: string }) {
  const partition = platformKeys.activityPartition();
  const start = decodeCursor(options.cursor, partition);
  requireCursorIn(start?.key, { partitionKey: 'PK', partitionValue: partition, keyNames: ['PK', 'SK'] });
  const result = await options.platform.db.send(
    new QueryCommand({
      TableName: options.platform.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': partition },
      ScanIndexForward: false,
      Limit: options.limit,
      ExclusiveStartKey: start?.key,
    }),
  );
  return {
    items: (result.Items ?? []).map((item) => withoutKeys<PlatformActivityEntry>(item)),
    nextCursor: encodeCursor(result.LastEvaluatedKey ? { key: result.LastEvaluatedKey as Record<string, string> } : undefined),
  };
}
