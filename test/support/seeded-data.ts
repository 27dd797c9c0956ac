/**
 * The demo data as seeded, put back between the test files that share a stack: each file
 * starts from the same data as on a stack of its own, without seeding it again. The table is
 * read whole (tests only; a few thousand items) and only the items that differ are written.
 */
import { BatchWriteItemCommand, ScanCommand, type AttributeValue, type BatchWriteItemCommandOutput, type WriteRequest } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tableDefinition } from '@waypoint/shared/table/table-definition';
import { forgetKeptValues } from '@waypoint/functions/dashboards/kept-per-tenant';
import { forgetTemplateVersions } from '@waypoint/functions/templates/template-store';
import { currentTenants } from '@waypoint/functions/tenants/current-tenants';
import { currentUsers } from '@waypoint/functions/users/current-user-cache';

type Item = Record<string, AttributeValue>;

const { partitionKey: PK, sortKey: SK } = tableDefinition;
const BATCH = 25;

export interface SeededData {
  /** Deletes what was added, writes back what was changed or deleted, and forgets what the API kept in memory. */
  restore(): Promise<void>;
  /** An item as seeded, if there was one at this key. */
  item(key: { PK: string; SK: string }): Item | undefined;
}

export async function rememberSeededData(db: DynamoDBDocumentClient, tableName: string): Promise<SeededData> {
  const seeded = new Map<string, { item: Item; json: string }>();
  for await (const item of everyItem(db, tableName)) seeded.set(keyOf(item), { item, json: JSON.stringify(item) });

  return {
    item: (key) => seeded.get(keyOf({ [PK]: { S: key.PK }, [SK]: { S: key.SK } }))?.item,
    async restore() {
      const writes: WriteRequest[] = [];
      const present = new Set<string>();
      for await (const item of everyItem(db, tableName)) {
        const key = keyOf(item);
        present.add(key);
        const before = seeded.get(key);
        if (!before) writes.push({ DeleteRequest: { Key: { [PK]: item[PK]!, [SK]: item[SK]! } } });
        else if (before.json !== JSON.stringify(item)) writes.push({ PutRequest: { Item: before.item } });
      }
      for (const [key, { item }] of seeded) if (!present.has(key)) writes.push({ PutRequest: { Item: item } });
      for (let i = 0; i < writes.length; i += BATCH) await writeAll(db, tableName, writes.slice(i, i + BATCH));
      forgetWhatTheApiKept();
    },
  };
}

/**
 * The API keeps a few things in memory per tenant, and tenant ids are the same on every test
 * stack: forget them whenever a worker's stack or its data changes under the API. A new
 * in-process memory of tenant data in the API belongs on this list.
 */
export function forgetWhatTheApiKept(): void {
  forgetKeptValues();
  forgetTemplateVersions();
  currentUsers.forgetEveryone();
  currentTenants.forgetEveryone();
}

async function* everyItem(db: DynamoDBDocumentClient, tableName: string): AsyncGenerator<Item> {
  let start: Item | undefined;
  do {
    const page = await db.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start }));
    yield* page.Items ?? [];
    start = page.LastEvaluatedKey;
  } while (start);
}

async function writeAll(db: DynamoDBDocumentClient, tableName: string, requests: WriteRequest[]): Promise<void> {
  let pending: WriteRequest[] | undefined = requests;
  while (pending?.length) {
    const out: BatchWriteItemCommandOutput = await db.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: pending } }));
    pending = out.UnprocessedItems?.[tableName];
  }
}

function keyOf(item: Item): string {
  return JSON.stringify([item[PK], item[SK]]);
}
