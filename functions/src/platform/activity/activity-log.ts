/**
 * The tenant's activity log: who changed what, when, and the version before and after.
 * Each entry's key is derived from the change itself (time, entity, new version), so
 * writing it again after a retry overwrites the same entry instead of adding another.
 */
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { StaffCaller, TenantContext } from '../auth/caller.ts';
import { decodeCursor, encodeCursor, requireCursorIn } from '../http/pagination.ts';
import { withoutKeys } from '../database/versioned-items.ts';

export type ActivityAction = 'created' | 'updated' | 'deleted';

export interface ActivityEntry {
  id: string;
  at: string;
  actorId: string;
  action: ActivityAction;
  entity: string;
  entityId: string;
  versionBefore: number | null;
  versionAfter: number;
  changes: string[];
  /** Why it was done, where the change needs one (a subject access export). */
  reason?: string;
}

export async function recordActivity(options: {
  tenant: TenantContext;
  actor: Pick<StaffCaller, 'userId'>;
  action: ActivityAction;
  entity: string;
  entityId: string;
  versionBefore: number | null;
  versionAfter: number;
  at: string;
  changes: string[];
  reason?: string;
}): Promise<void> {
  // An update that changed nothing kept its version: there is nothing to record.
  if (options.action === 'updated' && options.versionBefore === options.versionAfter) return;
  const { tenant } = options;
  const key = tenant.keys.activity(options.at, options.entity, options.entityId, options.versionAfter);
  const entry: ActivityEntry = {
    id: Buffer.from(key.SK).toString('base64url'),
    at: options.at,
    actorId: options.actor.userId,
    action: options.action,
    entity: options.entity,
    entityId: options.entityId,
    versionBefore: options.versionBefore,
    versionAfter: options.versionAfter,
    changes: options.changes,
    ...(options.reason === undefined ? {} : { reason: options.reason }),
  };
  await tenant.db.send(new PutCommand({ TableName: tenant.tableName, Item: { ...key, ...entry } }));
}

/** Newest first, a page at a time. */
export async function listActivity(options: { tenant: TenantContext; limit: number; cursor?: string }) {
  const { tenant } = options;
  const start = decodeCursor(options.cursor, tenant.keys.root);
  requireCursorIn(start?.key, { partitionKey: 'PK', partitionValue: tenant.keys.activityPartition(), keyNames: ['PK', 'SK'] });
  const result = await tenant.db.send(
    new QueryCommand({
      TableName: tenant.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': tenant.keys.activityPartition() },
      ScanIndexForward: false,
      Limit: options.limit,
      ExclusiveStartKey: start?.key,
    }),
  );
  return {
    items: (result.Items ?? []).map((item) => withoutKeys<ActivityEntry>(item)),
    nextCursor: encodeCursor(result.LastEvaluatedKey ? { key: result.LastEvaluatedKey as Record<string, string> } : undefined),
  };
}
