/**
 * Monthly totals items in DynamoDB: counters added to with UpdateItem ADD, each change
 * stamped with a mark naming its source and version so that applying it again is refused
 * by the item itself; the mark is removed once the source's marker says it is applied.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, QueryCommand, UpdateCommand, type BatchWriteCommandOutput } from '@aws-sdk/lib-dynamodb';
import { isCounterName, type Counters } from '@waypoint/shared/dashboards/totals-counters';
import type { TotalsRow, TotalsScope } from '@waypoint/shared/dashboards/totals-rollups';
import type { Key } from '@waypoint/shared/tenancy/keys';
import type { TenantContext } from '../platform/auth/caller.ts';

/** Which source's change a totals update carries, and its version. */
export interface ChangeMark {
  /** An attribute name, e.g. `v.action.01J…`; never a counter name. */
  name: string;
  version: number;
}

function scopeAttributes(row: TotalsScope & { month: string }): Record<string, string> {
  return { month: row.month, ...(row.teamId ? { teamId: row.teamId } : {}), ...(row.caseType ? { caseType: row.caseType } : {}) };
}

/**
 * Adds each row's counters to its item, once: the update is conditional on the item not
 * already carrying this source's mark at this version or later. Returns how many applied.
 */
export async function addToTotals(tenant: TenantContext, rows: readonly TotalsRow[], mark: ChangeMark): Promise<number> {
  let applied = 0;
  for (const row of rows) {
    const names: Record<string, string> = { '#mark': mark.name };
    const values: Record<string, unknown> = { ':version': mark.version };
    const adds = Object.entries(row.counters).map(([name, n], i) => {
      names[`#c${i}`] = name;
      values[`:c${i}`] = n;
      return `#c${i} :c${i}`;
    });
    const sets = Object.entries(scopeAttributes(row)).map(([name, value]) => {
      names[`#${name}`] = name;
      values[`:${name}`] = value;
      return `#${name} = :${name}`;
    });
    try {
      await tenant.db.send(
        new UpdateCommand({
          TableName: tenant.tableName,
          Key: tenant.keys.totals(row),
          UpdateExpression: `ADD ${adds.join(', ')} SET #mark = :version, ${sets.join(', ')}`,
          ConditionExpression: 'attribute_not_exists(#mark) OR #mark < :version',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
      applied++;
    } catch (error) {
      // Already carries this change: an earlier attempt got this far before it stopped.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
  return applied;
}

/** Removes the marks once nothing can apply that change again (a later version's mark is left alone). */
export async function removeMarks(tenant: TenantContext, rows: readonly TotalsRow[], mark: ChangeMark): Promise<void> {
  for (const row of rows) {
    try {
      await tenant.db.send(
        new UpdateCommand({
          TableName: tenant.tableName,
          Key: tenant.keys.totals(row),
          UpdateExpression: 'REMOVE #mark',
          ConditionExpression: '#mark = :version',
          ExpressionAttributeNames: { '#mark': mark.name },
          ExpressionAttributeValues: { ':version': mark.version },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}

/** An item as read: its month, scope and counters (labels and marks left out). */
export function totalsRowOf(item: Record<string, unknown>): TotalsRow {
  const counters: Counters = {};
  for (const [name, value] of Object.entries(item)) if (isCounterName(name) && typeof value === 'number') counters[name] = value;
  return {
    month: String(item.month),
    ...(typeof item.teamId === 'string' ? { teamId: item.teamId } : {}),
    ...(typeof item.caseType === 'string' ? { caseType: item.caseType as TotalsRow['caseType'] } : {}),
    counters,
  };
}

/** One scope's months `from` to `to`: one Query of one contiguous range, whatever the history. */
export async function readTotals(tenant: TenantContext, scope: TotalsScope, from: string, to: string): Promise<TotalsRow[]> {
  const range = tenant.keys.totalsRange(scope, from, to);
  const rows: TotalsRow[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const result = await tenant.db.send(
      new QueryCommand({
        TableName: tenant.tableName,
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': range.PK, ':from': range.from, ':to': range.to },
        ExclusiveStartKey: start,
      }),
    );
    rows.push(...(result.Items ?? []).map(totalsRowOf));
    start = result.LastEvaluatedKey;
  } while (start);
  return rows;
}

/** Every totals item of the tenant, for the reconcile job (it alone reads the whole history). */
export async function readAllTotals(tenant: TenantContext): Promise<{ key: Key; row: TotalsRow }[]> {
  const found: { key: Key; row: TotalsRow }[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const result = await tenant.db.send(new QueryCommand({ TableName: tenant.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': tenant.keys.totalsPartition() }, ExclusiveStartKey: start }));
    for (const item of result.Items ?? []) found.push({ key: { PK: String(item.PK), SK: String(item.SK) }, row: totalsRowOf(item) });
    start = result.LastEvaluatedKey;
  } while (start);
  return found;
}

export type WriteRequest = { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: Key } };

/** BatchWrite in chunks of 25, asking again for anything left unprocessed. */
export async function batchWrite(tenant: TenantContext, requests: readonly WriteRequest[]): Promise<void> {
  for (let i = 0; i < requests.length; i += 25) {
    let pending: WriteRequest[] | undefined = requests.slice(i, i + 25);
    for (let attempt = 0; pending?.length; attempt++) {
      if (attempt === 8) throw new Error('BatchWrite left items unprocessed');
      const result: BatchWriteCommandOutput = await tenant.db.send(new BatchWriteCommand({ RequestItems: { [tenant.tableName]: pending } }));
      pending = result.UnprocessedItems?.[tenant.tableName] as WriteRequest[] | undefined;
      if (pending?.length) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
    }
  }
}

/** A totals item as the reconcile job writes it: the row's counters with its scope, and no marks. */
export function totalsItem(tenant: TenantContext, row: TotalsRow): Record<string, unknown> {
  return { ...tenant.keys.totals(row), ...scopeAttributes(row), ...row.counters };
}
