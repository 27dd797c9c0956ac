import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantContext, type TenantContext } from '../auth/caller.ts';
import { createDocumentClient } from '../database/clients.ts';
import { startLocalDatabase, type LocalDatabase } from '../database/local-database.ts';
import { ensureTable } from '../database/table-bootstrap.ts';
import { claim, complete, release, type RecordTimes } from './idempotency-records.ts';

const NORTHVALE = '7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801';
const SOUTHMERE = '2b9d4e61-8a3c-4f5e-b7d1-5c6f72746802';
const NOW = Date.parse('2026-11-26T09:00:00Z');
const at = (now: number): RecordTimes => ({ now, rememberSeconds: 24 * 60 * 60, inProgressMs: 30_000 });
const response = { status: 201, body: '{"id":"t1"}', headers: { 'content-type': 'application/json', location: '/v1/teams/t1' } };

let database: LocalDatabase;
let northvale: TenantContext;
let southmere: TenantContext;

beforeAll(async () => {
  database = await startLocalDatabase();
  const db = createDocumentClient({ endpoint: database.endpoint, region: 'eu-west-2' });
  await ensureTable(db, 'waypoint');
  northvale = tenantContext({ tenantId: NORTHVALE, db, tableName: 'waypoint', portalUrl: 'http://localhost:5173' });
  southmere = tenantContext({ tenantId: SOUTHMERE, db, tableName: 'waypoint', portalUrl: 'http://localhost:5173' });
});

afterAll(async () => {
  await database?.close();
});

describe('idempotency records', () => {
  it('lets the first request claim a key, shows a retry the request in progress, then the stored response', async () => {
    expect(await claim(northvale, 'u1 POST /v1/teams key-0001', 'hash-a', at(NOW))).toBeUndefined();
    expect(await claim(northvale, 'u1 POST /v1/teams key-0001', 'hash-a', at(NOW + 1_000))).toEqual({ status: 'in-progress', bodyHash: 'hash-a', inProgressUntil: NOW + 30_000 });
    await complete(northvale, 'u1 POST /v1/teams key-0001', response, at(NOW + 2_000));
    expect(await claim(northvale, 'u1 POST /v1/teams key-0001', 'hash-a', at(NOW + 3_000))).toEqual({ status: 'completed', bodyHash: 'hash-a', response });
  });

  it('hands a key on once its request could no longer be running, or once its record has expired', async () => {
    await claim(northvale, 'u1 POST /v1/teams key-0002', 'hash-a', at(NOW));
    expect(await claim(northvale, 'u1 POST /v1/teams key-0002', 'hash-b', at(NOW + 31_000))).toBeUndefined();
    await complete(northvale, 'u1 POST /v1/teams key-0002', response, at(NOW + 32_000));
    expect((await claim(northvale, 'u1 POST /v1/teams key-0002', 'hash-b', at(NOW + 33_000)))?.status).toBe('completed');
    expect(await claim(northvale, 'u1 POST /v1/teams key-0002', 'hash-c', at(NOW + 33_000 + 24 * 60 * 60 * 1000))).toBeUndefined();
  });

  it('forgets a released key, so a corrected retry runs', async () => {
    await claim(northvale, 'u1 POST /v1/teams key-0003', 'hash-a', at(NOW));
    await release(northvale, 'u1 POST /v1/teams key-0003');
    expect(await claim(northvale, 'u1 POST /v1/teams key-0003', 'hash-b', at(NOW + 1_000))).toBeUndefined();
  });

  it("keeps each tenant's records in its own partition, under a hash that names no user or path", async () => {
    await claim(northvale, 'u9 POST /v1/teams key-0004', 'hash-a', at(NOW));
    expect(await claim(southmere, 'u9 POST /v1/teams key-0004', 'hash-a', at(NOW))).toBeUndefined();
    const { Items } = await northvale.db.send(new QueryCommand({ TableName: 'waypoint', KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': northvale.keys.idempotencyPartition() } }));
    expect(Items!.length).toBeGreaterThan(0);
    for (const item of Items!) {
      expect(item.SK).toMatch(/^KEY#[0-9a-f]{64}$/);
      expect(JSON.stringify(item)).not.toContain('u9');
    }
  });
});
