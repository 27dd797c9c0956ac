/**
 * One page of one partition, for the API's paged lists (activity logs, engagement activities,
 * invitation codes, the tenant directory): the table's own key or an index's, an optional
 * sort-key prefix, newest first by default. The cursor coming in is checked to lie in the very
 * partition (and prefix) read, so a forged or stale one is a 400, never another partition's
 * items; the cursor going out wraps DynamoDB's LastEvaluatedKey.
 */
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor, requireCursorIn } from '../http/pagination.ts';
import { withoutKeys } from './versioned-items.ts';

export interface IndexPageQuery {
  db: DynamoDBDocumentClient;
  tableName: string;
  /** An index of the table (its keys `<index>PK` and `<index>SK`); the table's own `PK` and `SK` when absent. */
  index?: 'GSI1' | 'GSI2';
  partition: string;
  /** Only sort keys starting with this. */
  sortPrefix?: string;
  /** Newest (highest sort key) first, unless false. */
  newestFirst?: boolean;
  limit: number;
  cursor?: string;
  /** What every partition key in a cursor must start with: the tenant's root (or the platform partition read). */
  cursorRoot: string;
}

/** The start key a list's `cursor` names, checked to lie in the partition (and prefix) the list reads. */
export function readCursor(query: Pick<IndexPageQuery, 'index' | 'partition' | 'sortPrefix' | 'cursor' | 'cursorRoot'>): Record<string, string> | undefined {
  const start = decodeCursor(query.cursor, query.cursorRoot);
  const pk = query.index ? `${query.index}PK` : 'PK';
  const sk = query.index ? `${query.index}SK` : 'SK';
  const keyNames = query.index ? ['PK', 'SK', pk, sk] : ['PK', 'SK'];
  requireCursorIn(start?.key, { partitionKey: pk, partitionValue: query.partition, keyNames, ...(query.sortPrefix !== undefined ? { sortKey: { name: sk, prefix: query.sortPrefix } } : {}) });
  return start?.key;
}

/** Up to `limit` items (keys removed) and the cursor for the next page, or null after the last. */
export async function queryIndexPage<T>(query: IndexPageQuery): Promise<{ items: T[]; nextCursor: string | null }> {
  const pk = query.index ? `${query.index}PK` : 'PK';
  const sk = query.index ? `${query.index}SK` : 'SK';
  const prefixed = query.sortPrefix !== undefined;
  const result = await query.db.send(
    new QueryCommand({
      TableName: query.tableName,
      ...(query.index ? { IndexName: query.index } : {}),
      KeyConditionExpression: prefixed ? '#pk = :pk AND begins_with(#sk, :prefix)' : '#pk = :pk',
      ExpressionAttributeNames: { '#pk': pk, ...(prefixed ? { '#sk': sk } : {}) },
      ExpressionAttributeValues: { ':pk': query.partition, ...(prefixed ? { ':prefix': query.sortPrefix } : {}) },
      ScanIndexForward: query.newestFirst === false,
      Limit: query.limit,
      ExclusiveStartKey: readCursor(query),
    }),
  );
  return {
    items: (result.Items ?? []).map((item) => withoutKeys<T>(item)),
    nextCursor: encodeCursor(result.LastEvaluatedKey ? { key: result.LastEvaluatedKey as Record<string, string> } : undefined),
  };
}
