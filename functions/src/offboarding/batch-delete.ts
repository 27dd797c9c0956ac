/**
 * Deleting known keys of one authority in BatchWriteItem calls of 25 (DynamoDB's most), sent
 * with that authority's own tenant-scoped client. Whatever DynamoDB leaves unprocessed is sent
 * again after a short, growing pause; deleting a key that is already gone is no error, so a
 * page sent twice (a job that stopped and ran again) deletes nothing twice.
 */
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Key } from '@waypoint/shared/tenancy/keys';

const BATCH = 25;
const MAX_ROUNDS = 8;

export async function deleteKeys(db: DynamoDBDocumentClient, tableName: string, keys: readonly Key[]): Promise<void> {
  for (let i = 0; i < keys.length; i += BATCH) {
    let requests = keys.slice(i, i + BATCH).map((Key) => ({ DeleteRequest: { Key: { PK: Key.PK, SK: Key.SK } } }));
    for (let round = 0; requests.length > 0; round++) {
      if (round === MAX_ROUNDS) throw new Error('DynamoDB kept leaving deletes unprocessed');
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** round));
      const result = await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
      requests = (result.UnprocessedItems?.[tableName] ?? []) as typeof requests;
    }
  }
}
