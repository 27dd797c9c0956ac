/**
 * "You said, we did" entries in DynamoDB, all in one partition of the authority, sorted by
 * the day the thing was done then id, so the public page is one Query, newest first.
 */
import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { YouSaidWeDidEntry } from '@waypoint/shared/engagement/you-said-we-did';
import type { TenantContext } from '../../platform/auth/caller.ts';
import { withoutKeys } from '../../platform/database/versioned-items.ts';

const entryKey = (tenant: TenantContext, entry: Pick<YouSaidWeDidEntry, 'id' | 'doneOn'>) => tenant.keys.youSaidWeDidEntry(entry.doneOn, entry.id);

export async function putEntry(tenant: TenantContext, entry: YouSaidWeDidEntry): Promise<void> {
  await tenant.db.send(new PutCommand({ TableName: tenant.tableName, Item: { ...entry, ...entryKey(tenant, entry) }, ConditionExpression: 'attribute_not_exists(PK)' }));
}

/** Newest first; an authority publishes a handful a year, so the 200 newest are plenty. */
export async function listEntries(tenant: TenantContext): Promise<YouSaidWeDidEntry[]> {
  const result = await tenant.db.send(new QueryCommand({ TableName: tenant.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': tenant.keys.youSaidWeDidPartition() }, ScanIndexForward: false, Limit: 200 }));
  return (result.Items ?? []).map((item) => withoutKeys<YouSaidWeDidEntry>(item));
}

/** Removes an entry from the public page; false when there was none. */
export async function deleteEntry(tenant: TenantContext, id: string): Promise<boolean> {
  const entry = await findEntry(tenant, id);
  if (!entry) return false;
  await tenant.db.send(new DeleteCommand({ TableName: tenant.tableName, Key: entryKey(tenant, entry) }));
  return true;
}

/** The key sorts by day first, so finding one by id reads the partition's keys page by page (a handful of items a year). */
async function findEntry(tenant: TenantContext, id: string): Promise<Pick<YouSaidWeDidEntry, 'id' | 'doneOn'> | undefined> {
  let start: Record<string, unknown> | undefined;
  do {
    const result = await tenant.db.send(
      new QueryCommand({
        TableName: tenant.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': tenant.keys.youSaidWeDidPartition() },
        ProjectionExpression: 'id, doneOn',
        ExclusiveStartKey: start,
      }),
    );
    const found = (result.Items ?? []).find((item) => item.id === id);
    if (found) return { id: String(found.id), doneOn: String(found.doneOn) };
    start = result.LastEvaluatedKey;
  } while (start);
  return undefined;
}
