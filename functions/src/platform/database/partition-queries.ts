/**
 * Reading a whole small set of items from one partition: an authority's teams, templates or
 * staff, which number tens to hundreds, so every page is read and nothing is left behind.
 */
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Key } from '@waypoint/shared/tenancy/keys';
import type { TenantContext } from '../auth/caller.ts';
import { withoutKeys } from './versioned-items.ts';

/** Every item whose sort key starts with `prefix.SK` in partition `prefix.PK`, keys removed. */
export async function readAllWithPrefix<T>(tenant: TenantContext, prefix: Key, attributes?: readonly string[]): Promise<T[]> {
  const found: T[] = [];
  const names = attributes ? Object.fromEntries(attributes.map((a, i) => [`#a${i}`, a])) : undefined;
  let start: Record<string, unknown> | undefined;
  do {
    const result = await tenant.db.send(
      new QueryCommand({
        TableName: tenant.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': prefix.PK, ':prefix': prefix.SK },
        ...(names ? { ProjectionExpression: Object.keys(names).join(', '), ExpressionAttributeNames: names } : {}),
        ExclusiveStartKey: start,
      }),
    );
    found.push(...(result.Items ?? []).map((item) => withoutKeys<T>(item)));
    start = result.LastEvaluatedKey;
  } while (start);
  return found;
}

/**
 * Every item a query finds, page after page, keys kept: for jobs that must see each item of a
 * case in full (moving a case to a new reference, clearing a deleted case's mentions).
 */
export async function queryEveryPage(tenant: TenantContext, input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await tenant.db.send(new QueryCommand({ TableName: tenant.tableName, ...input, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}
