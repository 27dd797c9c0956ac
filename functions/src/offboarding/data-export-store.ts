/**
 * Full exports of an authority's data: one record each in the authority's `DATA-EXPORTS`
 * partition (so they are deleted with it), holding the state the offboarding job moves on,
 * the counts so far and, while collecting, the job's cursor and page number.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import type { DataExport } from '@waypoint/shared/tenancy/offboarding-schemas';
import { clock } from '@waypoint/shared/time/clock';
import type { TenantContext } from '../platform/auth/caller.ts';
import { getItem, withoutKeys } from '../platform/database/versioned-items.ts';
import { RECORD_TYPE_ORDER } from './record-types.ts';

export interface StoredDataExport extends Omit<DataExport, 'records' | 'recordsTotal'> {
  counts: Record<string, number>;
  /** Scan cursor (JSON) and the next page's number, while collecting. */
  cursor?: string;
  page: number;
  /** The ZIP's key once packaged. */
  objectKey?: string;
}

/** At most this many exports are kept listed per authority; older ones stay until the authority is deleted. */
export const EXPORTS_LISTED = 20;

export async function createDataExport(tenant: TenantContext, requestedBy: string): Promise<StoredDataExport> {
  const record: StoredDataExport = { id: ulid(), state: 'waiting', requestedAt: clock.nowIso(), requestedBy, counts: {}, page: 0 };
  await tenant.db.send(new PutCommand({ TableName: tenant.tableName, Item: { ...tenant.keys.dataExport(record.id), ...record }, ConditionExpression: 'attribute_not_exists(PK)' }));
  return record;
}

export function getDataExport(tenant: TenantContext, exportId: string): Promise<StoredDataExport | undefined> {
  return getItem<StoredDataExport>(tenant, tenant.keys.dataExport(exportId));
}

/** Newest first. */
export async function listDataExports(tenant: TenantContext, limit = EXPORTS_LISTED): Promise<StoredDataExport[]> {
  const result = await tenant.db.send(
    new QueryCommand({
      TableName: tenant.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': tenant.keys.dataExportsPartition() },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (result.Items ?? []).map((item) => withoutKeys<StoredDataExport>(item));
}

/** Exports the job still has work on (a handful at most). */
export async function listUnfinishedExports(tenant: TenantContext): Promise<StoredDataExport[]> {
  const found: StoredDataExport[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await tenant.db.send(
      new QueryCommand({
        TableName: tenant.tableName,
        KeyConditionExpression: 'PK = :pk',
        FilterExpression: '#state IN (:waiting, :collecting, :packaging)',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':pk': tenant.keys.dataExportsPartition(), ':waiting': 'waiting', ':collecting': 'collecting', ':packaging': 'packaging' },
        ExclusiveStartKey: start,
      }),
    );
    found.push(...(page.Items ?? []).map((item) => withoutKeys<StoredDataExport>(item)));
    start = page.LastEvaluatedKey;
  } while (start);
  return found;
}

/** Saves the job's progress if the export is still at `from`'s state and page; false if another run moved it on. */
export async function saveExportProgress(tenant: TenantContext, from: StoredDataExport, changes: Partial<StoredDataExport>): Promise<boolean> {
  const names: Record<string, string> = { '#state': 'state', '#page': 'page' };
  const values: Record<string, unknown> = { ':state': from.state, ':page': from.page };
  const sets: string[] = [];
  const removes: string[] = [];
  for (const [name, value] of Object.entries(changes)) {
    names[`#n_${name}`] = name;
    if (value === undefined) removes.push(`#n_${name}`);
    else {
      values[`:v_${name}`] = value;
      sets.push(`#n_${name} = :v_${name}`);
    }
  }
  try {
    await tenant.db.send(
      new UpdateCommand({
        TableName: tenant.tableName,
        Key: tenant.keys.dataExport(from.id),
        UpdateExpression: [sets.length ? `SET ${sets.join(', ')}` : '', removes.length ? `REMOVE ${removes.join(', ')}` : ''].join(' ').trim(),
        ConditionExpression: '#state = :state AND #page = :page',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
    Object.assign(from, changes);
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** The export as the API shows it: counts by type in the export's order, no job internals. */
export function exportResource(record: StoredDataExport): DataExport {
  const { counts, cursor: _cursor, page: _page, objectKey: _key, ...shown } = record;
  const records = RECORD_TYPE_ORDER.filter((type) => type.exported && (counts[type.name] ?? 0) > 0).map((type) => ({ type: type.name, description: type.description, count: counts[type.name] ?? 0 }));
  return { ...shown, records, recordsTotal: records.reduce((sum, r) => sum + r.count, 0) };
}
