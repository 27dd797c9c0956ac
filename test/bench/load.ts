/**
 * The bench's sustained-load figures, all on loopback and bounded in time: autocannon (in a
 * worker thread of its own, so it does not share the API's event loop) against
 * `GET /v1/cases?limit=25`, against a bare Hono hello route, and the raw SDK Query for the
 * same 25 items sent at the same concurrency to the same database. The list, the hello route
 * and the raw Query are served and sent from a child process that holds only the casework
 * function (list-load-process.ts), as a deployed Lambda instance holds only its own. Their
 * database is a dynalite of their own, in a process of its own (`LIST_DATABASE_FLAGS`),
 * holding the demo data as the stack held it before the bench authorities were written: the
 * list and the raw Query read the same items from it, and neither waits on the garbage
 * collection of a heap grown by the bench's other figures (its 150,000 items of history, the
 * dashboards' reads) or sized by the API's flags.
 */
import { fork } from 'node:child_process';
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import autocannon from 'autocannon';
import { DEMO_PASSWORD } from '@waypoint/functions/local/identity/demo-password';
import { createDocumentClient } from '@waypoint/functions/platform/database/clients';
import { startLocalDatabase, type LocalDatabase } from '@waypoint/functions/platform/database/local-database';
import { ensureTable } from '@waypoint/functions/platform/database/table-bootstrap';
import { tenantKeys } from '@waypoint/shared/tenancy/keys';
import { writeItems, type Item } from '../support/seed-snapshot.ts';
import type { TestStack } from '../support/stack.ts';
import { REGION, stackAddresses, type StackAddresses } from './casework-surroundings.ts';

/**
 * The list's database process runs with node's own young generation, not the 51 MB semi-spaces
 * the bench's process has for the API: with those, dynalite's scavenges under the list took
 * about 23 ms each (up to 190), with node's about 9.
 */
export const LIST_DATABASE_FLAGS: string[] = [];

/** dynalite in a process of its own, holding `items` in a table named as the stack's. */
async function listDatabase(tableName: string, items: Item[]): Promise<LocalDatabase> {
  const database = await startLocalDatabase({ ownProcess: { nodeFlags: LIST_DATABASE_FLAGS } });
  try {
    const db = createDocumentClient({ endpoint: database.endpoint, region: REGION });
    await ensureTable(db, tableName);
    await writeItems(db, tableName, items);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

export const CONNECTIONS = 50;
export const SECONDS = 15;

export interface LoadResult {
  requestsPerSecond: number;
  p99Ms: number;
}

async function cannon(url: string, headers: Record<string, string> = {}): Promise<LoadResult> {
  // A request still unanswered after 30 s counts as failed (autocannon's own default is 10 s).
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers, workers: 1, timeout: 30 });
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0) throw new Error(`${url}: of ${result.requests.total} requests ${result.non2xx} answered other than 2xx, ${result.errors} failed and ${result.timeouts} timed out`);
  return { requestsPerSecond: result.requests.average, p99Ms: result.latency.p99 };
}

export interface ListLoadRequest extends StackAddresses {
  tenantId: string;
}

/** What list-load-process.ts answers: where it serves, then the raw Query's figures. */
export interface ListLoadMessage {
  apiUrl?: string;
  helloUrl?: string;
  raw?: LoadResult;
  error?: string;
}

/** Requests sent before the list is measured, so the child's code is compiled as a warm instance's. */
const WARM_UP_REQUESTS = 500;

/**
 * The list at 50 connections, then (with `hello`) the bare hello route, then the raw Query,
 * one after another, all served or sent from a child process of their own (list-load-process.ts).
 */
export async function listLoadInOwnProcess(
  stack: TestStack,
  options: { tenantId: string; token: string; hello?: boolean; /** What the list's database holds: the demo data (`everyItem` before the bench authorities are seeded). */ items: Item[] },
): Promise<{ list: LoadResult; hello?: LoadResult; raw: LoadResult }> {
  const database = await listDatabase(stack.tableName, options.items);
  const child = fork(new URL('./list-load-process.ts', import.meta.url));
  const next = () =>
    new Promise<ListLoadMessage>((resolve, reject) => {
      const exited = (code: number | null) => reject(new Error(`the list's load process exited (${code}) without an answer`));
      child.once('exit', exited);
      child.once('message', (message: ListLoadMessage) => {
        child.off('exit', exited);
        if (message.error) reject(new Error(`the list's load process failed: ${message.error}`));
        else resolve(message);
      });
    });
  try {
    const started = next();
    child.send({ start: { ...stackAddresses(stack, DEMO_PASSWORD), databaseEndpoint: database.endpoint, tenantId: options.tenantId } satisfies ListLoadRequest });
    const { apiUrl, helloUrl } = await started;
    const headers = { authorization: `Bearer ${options.token}` };
    const listUrl = `${apiUrl}/v1/cases?limit=25`;
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        for (let n = 0; n < WARM_UP_REQUESTS / 10; n++) {
          const response = await fetch(listUrl, { headers });
          if (response.status !== 200) throw new Error(`the list answered ${response.status} in its warm-up`);
          await response.arrayBuffer();
        }
      }),
    );
    const list = await cannon(listUrl, headers);
    const hello = options.hello ? await cannon(helloUrl!) : undefined;
    const answered = next();
    child.send({ raw: true });
    const { raw } = await answered;
    return { list, hello, raw: raw! };
  } finally {
    if (child.exitCode === null) child.kill();
    await database.close();
  }
}

/**
 * The Query the list makes for a tenant-wide reader (the cases index, every team, 25 items),
 * sent by `CONNECTIONS` loops for `SECONDS`, each sending its next when the last answers.
 */
export async function rawQueryLoad(db: DynamoDBDocumentClient, tableName: string, tenantId: string): Promise<LoadResult> {
  const index = tenantKeys(tenantId).casesByTeam();
  const query = () =>
    new QueryCommand({
      TableName: tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
      ExpressionAttributeNames: { '#pk': 'GSI1PK', '#sk': 'GSI1SK' },
      ExpressionAttributeValues: { ':pk': index.GSI1PK, ':prefix': index.GSI1SK },
      Limit: 25,
    });
  // A warm-up, as the list has: the client's first requests compile its code.
  for (let n = 0; n < 100; n++) await db.send(query());
  const latencies: number[] = [];
  const ends = performance.now() + SECONDS * 1000;
  const loop = async () => {
    while (performance.now() < ends) {
      const started = performance.now();
      const { Items } = await db.send(query());
      if (Items?.length !== 25) throw new Error(`the raw Query found ${Items?.length} items`);
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, loop));
  latencies.sort((a, b) => a - b);
  return { requestsPerSecond: latencies.length / SECONDS, p99Ms: latencies[Math.ceil(latencies.length * 0.99) - 1] ?? Number.NaN };
}
