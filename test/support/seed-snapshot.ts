/**
 * The demo data, seeded once per run instead of once per stack. Seeding goes item by item
 * through the product's own store code (about 12 s of CPU); writing the resulting items back
 * in batches costs about a tenth of that. `global-seed.ts` seeds a database before the suites
 * start and keeps what it wrote in a file; each stack then loads that file (`seedFromSnapshot`)
 * and ends up with the same items a seed of its own would have written.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { BatchWriteItemCommand, ScanCommand, type AttributeValue, type WriteRequest } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TEST_PASSWORD_COST } from '@waypoint/functions/local/identity/passwords';
import { seedDemoData } from '@waypoint/functions/local/seed/seed-demo-data';
import { createDocumentClient } from '@waypoint/functions/platform/database/clients';
import { startLocalDatabase } from '@waypoint/functions/platform/database/local-database';
import { ensureTable } from '@waypoint/functions/platform/database/table-bootstrap';

export type Item = Record<string, AttributeValue>;

interface Snapshot {
  password: string;
  portalUrl: string;
  items: Item[];
}

const TABLE = 'waypoint';
export const BATCH = 25;
/** Batches in flight at once: dynalite answers each in turn, so a few keep it busy without a queue. */
const IN_FLIGHT = 4;

/** Seeds a database of its own, as a stack would, and writes every item it holds to `path`. */
export async function writeSeedSnapshot(path: string, options: { password: string; portalUrl: string }): Promise<void> {
  const database = await startLocalDatabase();
  try {
    const db = createDocumentClient({ endpoint: database.endpoint, region: 'eu-west-2' });
    await ensureTable(db, TABLE);
    // Hashed at the test cost: the suites sign the demo people in over and over.
    await seedDemoData({ db, tableName: TABLE, ...options, passwordCost: TEST_PASSWORD_COST });
    const snapshot: Snapshot = { ...options, items: await everyItem(db, TABLE) };
    await writeFile(path, JSON.stringify(snapshot));
  } finally {
    await database.close();
  }
}

/**
 * A seed for `startLocalStack` that loads the snapshot at `path`. Links in the demo emails start
 * with the stack's portal address, so the snapshot's is swapped for it; a password other than
 * the snapshot's is seeded the slow way.
 */
export function seedFromSnapshot(path: string): typeof seedDemoData {
  return async (options) => {
    const snapshot = JSON.parse(await readFile(path, 'utf8')) as Snapshot;
    if (snapshot.password !== options.password) return seedDemoData(options);
    const items = snapshot.portalUrl === options.portalUrl ? snapshot.items : (JSON.parse(JSON.stringify(snapshot.items).replaceAll(snapshot.portalUrl, options.portalUrl)) as Item[]);
    await writeItems(options.db, options.tableName, items);
    return { written: items.length };
  };
}

/** Writes the items in batches, a few batches in flight at once. */
export async function writeItems(db: DynamoDBDocumentClient, tableName: string, items: Item[]): Promise<void> {
  const batches: WriteRequest[][] = [];
  for (let i = 0; i < items.length; i += BATCH) batches.push(items.slice(i, i + BATCH).map((Item) => ({ PutRequest: { Item } })));
  let next = 0;
  const writeNext = async () => {
    while (next < batches.length) await writeAll(db, tableName, batches[next++]!);
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, writeNext));
}

/** Every item in the table, as DynamoDB's JSON. */
export async function everyItem(db: DynamoDBDocumentClient, tableName: string): Promise<Item[]> {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const page = await db.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Writes one batch (at most 25 puts or deletes), again with whatever the database left unprocessed. */
export async function writeAll(db: DynamoDBDocumentClient, tableName: string, requests: WriteRequest[]): Promise<void> {
  let pending: WriteRequest[] | undefined = requests;
  while (pending?.length) pending = (await db.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: pending } }))).UnprocessedItems?.[tableName];
}
