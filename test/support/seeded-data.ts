/**
 * The demo data as seeded, put back between the test files that share a stack: each file
 * starts from the same data as on a stack of its own, without seeding it again. The table is
 * read whole once, when the worker's stack has been seeded; after that the database notes the
 * key of every write (`trackWrites`, local-database.ts), so putting the data back touches only
 * what was written: each such item is written back as seeded, or deleted if the seed had none.
 * Reading the whole table again for every file cost 120 to 200 ms of CPU a file.
 */
import type { WriteRequest } from '@aws-sdk/client-dynamodb';
import { tableDefinition } from '@waypoint/shared/table/table-definition';
import { forgetKeptValues } from '@waypoint/functions/dashboards/kept-per-tenant';
import { createDocumentClient } from '@waypoint/functions/platform/database/clients';
import type { LocalDatabase } from '@waypoint/functions/platform/database/local-database';
import { forgetTemplateVersions } from '@waypoint/functions/templates/template-store';
import { currentTenants } from '@waypoint/functions/tenants/current-tenants';
import { currentUsers } from '@waypoint/functions/users/current-user-cache';
import { BATCH, everyItem, writeAll, type Item } from './seed-snapshot.ts';

const { partitionKey: PK, sortKey: SK } = tableDefinition;

export interface SeededData {
  /** Deletes what was added, writes back what was changed or deleted, and forgets what the API kept in memory. */
  restore(): Promise<void>;
  /** An item as seeded, if there was one at this key. */
  item(key: { PK: string; SK: string }): Item | undefined;
}

/** Remembers the table as it is now; `database` must have been started with `trackWrites`. */
export async function rememberSeededData(database: LocalDatabase, tableName: string): Promise<SeededData> {
  // Its writes carry the header the database leaves unnoted: putting data back is not a change.
  const restorer = createDocumentClient({ endpoint: database.endpoint, region: 'eu-west-2' });
  restorer.middlewareStack.add(
    (next) => (args) => {
      (args.request as { headers: Record<string, string> }).headers['x-waypoint-untracked'] = '1';
      return next(args);
    },
    { step: 'build', name: 'untrackedWrites' },
  );
  const seeded = new Map<string, Item>();
  for (const item of await everyItem(restorer, tableName)) seeded.set(keyOf(item), item);
  // What seeding wrote is the starting point, not a change.
  await database.writtenKeys();

  return {
    item: (key) => seeded.get(keyOf({ [PK]: { S: key.PK }, [SK]: { S: key.SK } })),
    async restore() {
      const writes: WriteRequest[] = [];
      for (const { table, key } of await database.writtenKeys()) {
        if (table !== tableName) continue;
        const before = seeded.get(keyOf(key as Item));
        writes.push(before ? { PutRequest: { Item: before } } : { DeleteRequest: { Key: key as Item } });
      }
      for (let i = 0; i < writes.length; i += BATCH) await writeAll(restorer, tableName, writes.slice(i, i + BATCH));
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

/** The item's key alone, whatever else it holds. */
function keyOf(item: Item): string {
  return JSON.stringify([item[PK], item[SK]]);
}
