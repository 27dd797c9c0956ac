/**
 * The bench's sustained-load figures, all on loopback and bounded in time: autocannon (in a
 * worker thread of its own, so it does not share the API's event loop) against
 * `GET /v1/cases?limit=25`, against a bare Hono hello route, and the raw SDK Query for the
 * same 25 items sent at the same concurrency to the same dynalite (which runs in its own
 * worker thread, see local-database.ts).
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import autocannon from 'autocannon';
import { Hono } from 'hono';
import { tenantKeys } from '@waypoint/shared/tenancy/keys';

export const CONNECTIONS = 50;
export const SECONDS = 15;

interface LoadResult {
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

/** A bare Hono app answering "hello", served the same way as the API, in the same process. */
export async function helloLoad(): Promise<LoadResult> {
  const app = new Hono().get('/hello', (c) => c.text('hello'));
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  try {
    return await cannon(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hello`);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

export function caseListLoad(apiUrl: string, token: string): Promise<LoadResult> {
  return cannon(`${apiUrl}/v1/cases?limit=25`, { authorization: `Bearer ${token}` });
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
