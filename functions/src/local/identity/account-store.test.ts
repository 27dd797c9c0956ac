import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../platform/database/clients.ts';
import { startLocalDatabase, type LocalDatabase } from '../../platform/database/local-database.ts';
import { ensureTable } from '../../platform/database/table-bootstrap.ts';
import { accountItem, findAccount } from './account-store.ts';

const tableName = 'accounts-test';
const tenantId = '6f1d3a52-8a0e-4c57-9a55-0d8c3f6e2b11';
let database: LocalDatabase;
let db: ReturnType<typeof createDocumentClient>;

beforeAll(async () => {
  database = await startLocalDatabase();
  db = createDocumentClient({ endpoint: database.endpoint, region: 'eu-west-2' });
  await ensureTable(db, tableName);
});

afterAll(async () => {
  db?.destroy();
  await database?.close();
});

describe('account items', () => {
  it('are keyed by the lower-cased email under the platform partition', () => {
    const item = accountItem({ email: 'Ada@Example.org', userId: 'U1', tenantId, role: 'qa', name: 'Ada', passwordHash: 'h' });
    expect(item).toMatchObject({ PK: 'PLATFORM#ACCOUNT#ada@example.org', SK: 'ACCOUNT', email: 'ada@example.org', active: true });
  });

  it('refuse a tenant user without a tenant and an operator with one', () => {
    expect(() => accountItem({ email: 'a@b.org', userId: 'U1', tenantId: null, role: 'qa', name: 'A', passwordHash: 'h' })).toThrow();
    expect(() => accountItem({ email: 'a@b.org', userId: 'U1', tenantId, role: 'operator', name: 'A', passwordHash: 'h' })).toThrow();
  });
});

describe('findAccount', () => {
  it('finds an account whatever the case of the email typed', async () => {
    const item = accountItem({ email: 'grace@example.org', userId: 'U2', tenantId, role: 'manager', name: 'Grace', passwordHash: 'h' });
    await db.send(new PutCommand({ TableName: tableName, Item: item }));
    const found = await findAccount({ db, tableName, email: ' Grace@Example.ORG ' });
    expect(found).toEqual({ email: 'grace@example.org', userId: 'U2', tenantId, role: 'manager', name: 'Grace', passwordHash: 'h', active: true });
  });

  it('finds the operator with a null tenant', async () => {
    const item = accountItem({ email: 'ops@example.org', userId: 'U3', tenantId: null, role: 'operator', name: 'Ops', passwordHash: 'h' });
    await db.send(new PutCommand({ TableName: tableName, Item: item }));
    expect(await findAccount({ db, tableName, email: 'ops@example.org' })).toMatchObject({ tenantId: null, role: 'operator' });
  });

  it('returns undefined for an unknown email and for input that cannot be a key', async () => {
    expect(await findAccount({ db, tableName, email: 'nobody@example.org' })).toBeUndefined();
    expect(await findAccount({ db, tableName, email: 'x#y@example.org' })).toBeUndefined();
    expect(await findAccount({ db, tableName, email: '' })).toBeUndefined();
  });

  it('returns undefined for a malformed stored item rather than guessing', async () => {
    const item = { ...accountItem({ email: 'odd@example.org', userId: 'U4', tenantId, role: 'qa', name: 'Odd', passwordHash: 'h' }), role: 'root' };
    await db.send(new PutCommand({ TableName: tableName, Item: item }));
    expect(await findAccount({ db, tableName, email: 'odd@example.org' })).toBeUndefined();
  });
});
