/**
 * The document client with handlers built once per kind of command (command-handlers.ts),
 * against a real local DynamoDB: each request still sends its own input and gets its own
 * answer (above all when many run at once), the document layer's marshalling still applies,
 * a change to the client's middleware is seen at once, and a request with options or a
 * refused condition behaves as the SDK's own path does.
 */
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDocumentClient } from './clients.ts';
import { startLocalDatabase, type LocalDatabase } from './local-database.ts';
import { ensureTable } from './table-bootstrap.ts';

const TableName = 'waypoint';
let database: LocalDatabase;
let db: DynamoDBDocumentClient;

beforeAll(async () => {
  database = await startLocalDatabase();
  db = createDocumentClient({ endpoint: database.endpoint, region: 'eu-west-2' });
  await ensureTable(db, TableName);
});

afterAll(async () => {
  db.destroy();
  await database.close();
});

const key = (n: number) => ({ PK: `TENANT#handlers#ITEM#${n}`, SK: 'ITEM' });

describe('a document client that builds each kind of command handler once', () => {
  it('sends each request its own input and gives it its own answer, many at once', async () => {
    const numbers = Array.from({ length: 40 }, (_, n) => n);
    await Promise.all(numbers.map((n) => db.send(new PutCommand({ TableName, Item: { ...key(n), n, label: `item ${n}`, detail: { tags: [`t${n}`], score: n / 2 }, absent: undefined } }))));
    const got = await Promise.all(numbers.map((n) => db.send(new GetCommand({ TableName, Key: key(n) }))));
    expect(got.map((answer) => answer.Item?.n)).toEqual(numbers);
    expect(got[7]!.Item).toEqual({ ...key(7), n: 7, label: 'item 7', detail: { tags: ['t7'], score: 3.5 } });
    const queried = await Promise.all([3, 11, 29].map((n) => db.send(new QueryCommand({ TableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': key(n).PK } }))));
    expect(queried.map((answer) => answer.Items?.map((item) => item.n))).toEqual([[3], [11], [29]]);
  });

  it('builds the plain command handler once for many requests of one kind', async () => {
    const builds = vi.spyOn(GetItemCommand.prototype, 'resolveMiddleware');
    try {
      for (let n = 0; n < 5; n++) await db.send(new GetCommand({ TableName, Key: key(n) }));
      expect(builds.mock.calls.length).toBeLessThanOrEqual(1);
    } finally {
      builds.mockRestore();
    }
  });

  it('sees a change to the client middleware at the next request, and its removal', async () => {
    const seen: string[] = [];
    await db.send(new GetCommand({ TableName, Key: key(1) }));
    db.middlewareStack.add((next, context) => (args) => (seen.push(String(context.commandName)), next(args)), { step: 'initialize', name: 'countForTest' });
    await db.send(new GetCommand({ TableName, Key: key(1) }));
    await db.send(new QueryCommand({ TableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': key(1).PK } }));
    db.middlewareStack.remove('countForTest');
    await db.send(new GetCommand({ TableName, Key: key(1) }));
    expect(seen).toEqual(['GetItemCommand', 'QueryCommand']);
  });

  it('refuses a failed condition with the SDK error, and writes nothing', async () => {
    await expect(db.send(new PutCommand({ TableName, Item: { ...key(2), n: -1 }, ConditionExpression: 'attribute_not_exists(PK)' }))).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
    expect((await db.send(new GetCommand({ TableName, Key: key(2) }))).Item?.n).toBe(2);
  });

  it('sends a request with options, and a plain command, the SDK way', async () => {
    const aborted = AbortSignal.abort();
    await expect(db.send(new GetCommand({ TableName, Key: key(3) }), { abortSignal: aborted })).rejects.toThrow();
    expect((await db.send(new GetCommand({ TableName, Key: key(3) }), { abortSignal: new AbortController().signal })).Item?.n).toBe(3);
    const plain = await db.send(new GetItemCommand({ TableName, Key: { PK: { S: key(4).PK }, SK: { S: 'ITEM' } } }));
    expect(plain.Item?.n).toEqual({ N: '4' });
  });
});
