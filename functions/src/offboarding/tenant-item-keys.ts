/**
 * Every key of one authority's items, a page at a time. The table has no index of "every item
 * of a tenant" (partitions are per case, per audit, per action, ...), so this is a Scan of the
 * table that returns keys only: `ProjectionExpression` PK, SK and a filter on the tenant's
 * root. In AWS the client doing it may Scan only with `Select: SPECIFIC_ATTRIBUTES` of PK and SK
 * (infra: `KeyOnlyScan`), so it learns which items exist and never what they hold; reading and
 * deleting them is done with the authority's own tenant-scoped credentials. Only the
 * offboarding job does this, never a request.
 */
import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tenantKeys, type Key } from '@waypoint/shared/tenancy/keys';

/** Items evaluated per Scan call: a page of keys is at most this many, whatever the filter keeps. */
export const SCAN_PAGE_ITEMS = 1_000;

export type ScanCursor = Record<string, unknown>;

export interface KeyPage {
  keys: Key[];
  /** Where the next page starts; absent after the last. */
  next?: ScanCursor;
}

/** One page of the authority's keys from `start` (the beginning when absent). */
export async function tenantKeyPage(options: { db: DynamoDBDocumentClient; tableName: string; tenantId: string; start?: ScanCursor; limit?: number }): Promise<KeyPage> {
  const root = tenantKeys(options.tenantId).root;
  const page = await options.db.send(
    new ScanCommand({
      TableName: options.tableName,
      Select: 'SPECIFIC_ATTRIBUTES',
      ProjectionExpression: '#pk, #sk',
      // The root partition itself, or one of the tenant's `TENANT#<id>#...` partitions: a tenant
      // id is a fixed-length UUID, so no other tenant's key starts the same way.
      FilterExpression: '#pk = :root OR begins_with(#pk, :prefix)',
      ExpressionAttributeNames: { '#pk': 'PK', '#sk': 'SK' },
      ExpressionAttributeValues: { ':root': root, ':prefix': `${root}#` },
      Limit: options.limit ?? SCAN_PAGE_ITEMS,
      ExclusiveStartKey: options.start,
    }),
  );
  return { keys: (page.Items ?? []).map((item) => ({ PK: String(item.PK), SK: String(item.SK) })), next: page.LastEvaluatedKey };
}

/** Every page from `start`, each with the cursor after it. */
export async function* tenantKeyPages(options: { db: DynamoDBDocumentClient; tableName: string; tenantId: string; start?: ScanCursor; limit?: number }): AsyncGenerator<KeyPage> {
  let start = options.start;
  do {
    const page = await tenantKeyPage({ ...options, start });
    yield page;
    start = page.next;
  } while (start);
}
