/**
 * The in-memory allowance against a real (local) DynamoDB bucket, at fixed instants so nothing
 * depends on the machine's speed: a party well within its limit costs one write per many
 * requests, a party near its limit is judged exactly, and however requests spread over
 * instances, what gets through stays within the burst plus a tenth of it per instance.
 */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantContext, type TenantContext } from '../auth/caller.ts';
import { createDocumentClient } from '../database/clients.ts';
import { startLocalDatabase, type LocalDatabase } from '../database/local-database.ts';
import { ensureTable } from '../database/table-bootstrap.ts';
import { createLocalAllowance, SIGHTING_LIFETIME_MS } from './local-allowance.ts';
import type { BucketLimit } from './request-limits.ts';

const tableName = 'waypoint';
const START = Date.parse('2026-12-07T09:00:00Z');
let database: LocalDatabase;
let db: DynamoDBDocumentClient;
/** UpdateItems that changed a bucket, and all UpdateItems sent (refused conditions too). */
let writes = 0;
let attempts = 0;
let tenantNumber = 0;

beforeAll(async () => {
  database = await startLocalDatabase();
  const real = createDocumentClient({ endpoint: database.endpoint, region: 'eu-west-2' });
  await ensureTable(real, tableName);
  // The real client, counting the writes sent through it.
  db = {
    send: async (command: Parameters<DynamoDBDocumentClient['send']>[0]) => {
      if (command.constructor.name !== 'UpdateCommand') return real.send(command);
      attempts++;
      const answer = await real.send(command);
      writes++;
      return answer;
    },
  } as unknown as DynamoDBDocumentClient;
});

afterAll(async () => {
  await database?.close();
});

/** A tenant of its own for each test, so each starts with a full bucket. */
function freshTenant(): TenantContext {
  tenantNumber++;
  return tenantContext({ tenantId: `7f3c1a52-6d1e-4b8a-9c2f-4e6f727468${String(tenantNumber).padStart(2, '0')}`, db, tableName, portalUrl: 'http://localhost' });
}

async function bucketTat(tenant: TenantContext): Promise<number> {
  const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: tenant.keys.requestBucket('staff'), ConsistentRead: true }));
  return Item?.tat as number;
}

/** Takes one token at `at` and says whether it was granted. */
async function granted(allowance: ReturnType<typeof createLocalAllowance>, tenant: TenantContext, limit: BucketLimit, at: number): Promise<boolean> {
  return (await allowance.take(tenant, tenant.keys.requestBucket('staff'), limit, at)).granted;
}

describe('the in-memory allowance', () => {
  it('lets a party well within its limit through with one write per tenth of the burst, and writes what it owed', async () => {
    const limit = { perSecond: 10, burst: 100 };
    const tenant = freshTenant();
    const allowance = createLocalAllowance();
    writes = 0;
    for (let n = 0; n < 11; n++) expect(await granted(allowance, tenant, limit, START)).toBe(true);
    // The first request wrote; the next ten were owed.
    expect(writes).toBe(1);
    expect(await bucketTat(tenant)).toBe(START + 100);
    expect(await granted(allowance, tenant, limit, START)).toBe(true);
    // The twelfth wrote the ten owed and its own token: the bucket counts all twelve.
    expect(writes).toBe(2);
    expect(await bucketTat(tenant)).toBe(START + 12 * 100);
  });

  it('writes again once what it saw of the bucket is too old, even with little owed', async () => {
    const limit = { perSecond: 10, burst: 100 };
    const tenant = freshTenant();
    const allowance = createLocalAllowance();
    writes = 0;
    await granted(allowance, tenant, limit, START);
    await granted(allowance, tenant, limit, START + 1_000);
    expect(writes).toBe(1);
    attempts = 0;
    await granted(allowance, tenant, limit, START + SIGHTING_LIFETIME_MS);
    expect(writes).toBe(2);
    // It saw the bucket refill, so it tried the write for a full bucket first: one attempt, not two.
    expect(attempts).toBe(1);
    expect(await bucketTat(tenant)).toBe(START + SIGHTING_LIFETIME_MS + 2 * 100);
  });

  it('judges every request exactly once the bucket is more than half used, and refuses at the limit', async () => {
    const limit = { perSecond: 0.1, burst: 20 };
    const tenant = freshTenant();
    const allowance = createLocalAllowance();
    writes = 0;
    let through = 0;
    while (await granted(allowance, tenant, limit, START)) through++;
    // Owing is allowed only while at most half the burst is used: the rest is one write each.
    expect(through).toBe(20);
    expect(writes).toBeGreaterThanOrEqual(10);
    expect(await bucketTat(tenant)).toBe(START + 20 * 10_000);
    // Refusals take nothing.
    expect(await granted(allowance, tenant, limit, START)).toBe(false);
    expect(await bucketTat(tenant)).toBe(START + 20 * 10_000);
  });

  it('keeps a party spread over several instances within the burst plus a tenth of it for each', async () => {
    const limit = { perSecond: 0.1, burst: 100 };
    const tenant = freshTenant();
    const instances = [createLocalAllowance(), createLocalAllowance(), createLocalAllowance()];
    let through = 0;
    let refusedInARow = 0;
    for (let n = 0; refusedInARow < instances.length; n++) {
      if (await granted(instances[n % instances.length]!, tenant, limit, START)) {
        through++;
        refusedInARow = 0;
      } else refusedInARow++;
    }
    expect(through).toBeGreaterThanOrEqual(limit.burst);
    expect(through).toBeLessThanOrEqual(limit.burst + instances.length * (limit.burst / 10));
  });

  it('owes nothing on a burst of fewer than ten: every request is one write', async () => {
    const limit = { perSecond: 0.1, burst: 3 };
    const tenant = freshTenant();
    const allowance = createLocalAllowance();
    writes = 0;
    for (let n = 0; n < 3; n++) expect(await granted(allowance, tenant, limit, START)).toBe(true);
    expect(writes).toBe(3);
    expect(await granted(allowance, tenant, limit, START)).toBe(false);
  });
});
