/**
 * Files that share a worker's stack each start from the demo data as seeded (test/support/
 * seeded-data.ts): whatever a file wrote, through the API or straight to the database (put,
 * update, delete, a batch of both, a refused conditional write), is put back before the next
 * file starts, from the keys the database noted. Checked here the slow way, every item of the
 * table against the table as this file found it.
 */
import { BatchWriteItemCommand, DeleteItemCommand, PutItemCommand, ScanCommand, UpdateItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from '../support/stack.ts';
import { planAudit } from './audits-support.ts';

type Item = Record<string, AttributeValue>;

let stack: TestStack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

async function wholeTable(): Promise<Map<string, Item>> {
  const items = new Map<string, Item>();
  let start: Item | undefined;
  do {
    const page = await stack.jobDependencies.platformClient.send(new ScanCommand({ TableName: stack.tableName, ExclusiveStartKey: start }));
    for (const item of page.Items ?? []) items.set(JSON.stringify([item.PK, item.SK]), item);
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

describe('a stack shared by the files of a worker', () => {
  it('is put back as the next file found it, item for item, whatever the last file wrote', async () => {
    const before = await wholeTable();
    const db = stack.jobDependencies.platformClient;
    const TableName = stack.tableName;
    const [first, second, third, fourth] = [...before.values()].filter((item) => item.PK?.S?.startsWith('TENANT#'));
    expect(fourth).toBeDefined();

    await planAudit(stack);
    await db.send(new PutItemCommand({ TableName, Item: { PK: { S: 'TENANT#restore-test' }, SK: { S: 'NEW' }, note: { S: 'added' } } }));
    await db.send(new UpdateItemCommand({ TableName, Key: { PK: first!.PK!, SK: first!.SK! }, UpdateExpression: 'SET restoreNote = :n', ExpressionAttributeValues: { ':n': { S: 'changed' } } }));
    await db.send(new DeleteItemCommand({ TableName, Key: { PK: second!.PK!, SK: second!.SK! } }));
    await db.send(
      new BatchWriteItemCommand({
        RequestItems: {
          [TableName]: [{ PutRequest: { Item: { ...third!, restoreNote: { S: 'replaced' } } } }, { DeleteRequest: { Key: { PK: fourth!.PK!, SK: fourth!.SK! } } }, { PutRequest: { Item: { PK: { S: 'TENANT#restore-test' }, SK: { S: 'BATCHED' } } } }],
        },
      }),
    );
    await expect(db.send(new PutItemCommand({ TableName, Item: { ...first!, refused: { S: 'yes' } }, ConditionExpression: 'attribute_not_exists(PK)' }))).rejects.toThrow();
    const changed = await wholeTable();
    expect(changed.size).toBeGreaterThan(before.size);
    expect(changed).not.toEqual(before);

    // What the next file's start does.
    await startStack();
    expect(await wholeTable()).toEqual(before);
  });
});
