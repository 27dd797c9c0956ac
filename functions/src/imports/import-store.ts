/**
 * Import records: the import itself (status, mapping, counts, where it has got to), the
 * problems its check found and the rows it refused, all in the import's own partition.
 */
import { BatchWriteCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { ImportKind, ImportProblem, ImportRecord, ImportSource, ImportStatus } from '@waypoint/shared/imports/import-schemas';
import type { TenantContext } from '../platform/auth/caller.ts';
import { createItem, getItem, withoutKeys } from '../platform/database/versioned-items.ts';
import { queryIndexPage } from '../platform/database/index-page.ts';

/** Statuses in which the import job has something to do. */
export const ACTIVE_IMPORT_STATUSES: readonly ImportStatus[] = ['reading', 'checking', 'importing'];

/** Where the next pass of the import job starts: the first file row not yet done, and the counts up to it. */
export interface ImportCheckpoint {
  nextRow: number;
}

export type StoredImport = ImportRecord & { objectKey: string; checkpoint?: ImportCheckpoint; /** While a pass of the import job holds it (ms since 1970). */ leaseUntil?: number };

function indexEntries(tenant: TenantContext, record: Pick<StoredImport, 'id' | 'createdAt' | 'status'>) {
  return { GSI2PK: null, GSI2SK: null, ...tenant.keys.importIndexEntries({ id: record.id, createdAt: record.createdAt, active: ACTIVE_IMPORT_STATUSES.includes(record.status) }) };
}

export async function putNewImport(tenant: TenantContext, record: StoredImport): Promise<void> {
  const entries = Object.fromEntries(Object.entries(indexEntries(tenant, record)).filter(([, v]) => v !== null));
  await createItem({ tenant, key: tenant.keys.importRecord(record.id), item: { ...record, ...entries }, what: 'import' });
}

export function getImport(tenant: TenantContext, id: string): Promise<StoredImport | undefined> {
  return getItem<StoredImport>(tenant, tenant.keys.importRecord(id));
}

/**
 * Changes an import if it is still in one of `from` (and, with `checkpoint`, still at that
 * row): two passes of the job, or a person and the job, can never both move it on. Returns
 * false when it had moved on already.
 */
export async function moveImport(options: { tenant: TenantContext; record: StoredImport; from: readonly ImportStatus[]; atRow?: number; changes: Partial<StoredImport>; at: string }): Promise<boolean> {
  const { tenant, record } = options;
  const next = { ...record, ...options.changes };
  const changes: Record<string, unknown> = { ...options.changes, updatedAt: options.at, ...indexEntries(tenant, next) };
  const names: Record<string, string> = { '#status': 'status', '#version': 'version' };
  const values: Record<string, unknown> = { ':one': 1 };
  const sets = ['#version = #version + :one'];
  const removes: string[] = [];
  Object.entries(changes).forEach(([name, value], i) => {
    names[`#a${i}`] = name;
    if (value === null || value === undefined) removes.push(`#a${i}`);
    else {
      values[`:a${i}`] = value;
      sets.push(`#a${i} = :a${i}`);
    }
  });
  const from = options.from.map((s, i) => {
    values[`:from${i}`] = s;
    return `:from${i}`;
  });
  let condition = `attribute_exists(PK) AND #status IN (${from.join(', ')})`;
  if (options.atRow !== undefined) {
    names['#checkpoint'] = 'checkpoint';
    names['#nextRow'] = 'nextRow';
    values[':row'] = options.atRow;
    condition += ' AND #checkpoint.#nextRow = :row';
  }
  try {
    await tenant.db.send(
      new UpdateCommand({
        TableName: tenant.tableName,
        Key: tenant.keys.importRecord(record.id),
        UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
        ConditionExpression: condition,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** Most recent first, a page at a time. */
export function listImports(tenant: TenantContext, options: { limit: number; cursor?: string }) {
  return queryIndexPage<StoredImport>({ db: tenant.db, tableName: tenant.tableName, index: 'GSI1', partition: tenant.keys.importsOfAuthority().GSI1PK, limit: options.limit, cursor: options.cursor, cursorRoot: tenant.keys.root });
}

/** The imports with work for the import job: few at any time. */
export async function listActiveImports(tenant: TenantContext): Promise<StoredImport[]> {
  const found: StoredImport[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const result = await tenant.db.send(new QueryCommand({ TableName: tenant.tableName, IndexName: 'GSI2', KeyConditionExpression: 'GSI2PK = :pk', ExpressionAttributeValues: { ':pk': tenant.keys.activeImports().GSI2PK }, ExclusiveStartKey: start }));
    found.push(...(result.Items ?? []).map((item) => withoutKeys<StoredImport>(item)));
    start = result.LastEvaluatedKey;
  } while (start);
  return found;
}

/** BatchWriteItem takes 25 items; eight batches go at once, and what one leaves unprocessed is sent again. */
export async function writeAll(tenant: TenantContext, items: Record<string, unknown>[]): Promise<void> {
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      let requests = batches[next++]!.map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; requests.length; attempt++) {
        const result = await tenant.db.send(new BatchWriteCommand({ RequestItems: { [tenant.tableName]: requests } }));
        requests = (result.UnprocessedItems?.[tenant.tableName] ?? []) as typeof requests;
        if (requests.length) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * 2 ** attempt)));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, batches.length) }, worker));
}

/** The check's problems, keyed by row, so checking again writes the same items. */
export function problemItems(tenant: TenantContext, importId: string, attempt: number, problems: readonly ImportProblem[]) {
  const perRow = new Map<number, number>();
  return problems.map((p) => {
    const index = perRow.get(p.row) ?? 0;
    perRow.set(p.row, index + 1);
    return { ...tenant.keys.importProblem(importId, attempt, p.row, index), ...p };
  });
}

export function refusedItem(tenant: TenantContext, importId: string, row: number, key: string | undefined, reasons: readonly ImportProblem[]) {
  return { ...tenant.keys.importRefused(importId, row), row, key: key ?? '', reasons: reasons.map((r) => ({ column: r.column, message: r.message })) };
}

/** A page of an import's problems or refused rows, in row order. */
export function listImportRows<T>(tenant: TenantContext, importId: string, what: string, options: { limit: number; cursor?: string }) {
  return queryIndexPage<T>({ db: tenant.db, tableName: tenant.tableName, partition: tenant.keys.importPartition(importId), sortPrefix: what, newestFirst: false, limit: options.limit, cursor: options.cursor, cursorRoot: tenant.keys.root });
}

export interface SavedMapping {
  kind: ImportKind;
  source: ImportSource;
  mapping: Record<string, string>;
  savedBy: string;
  savedAt: string;
}

export function getSavedMapping(tenant: TenantContext, kind: ImportKind, source: ImportSource): Promise<SavedMapping | undefined> {
  return getItem<SavedMapping>(tenant, tenant.keys.importMapping(kind, source));
}

/** The last mapping saved wins: it is a preference, not a record anyone edits together. */
export async function saveMapping(tenant: TenantContext, saved: SavedMapping): Promise<void> {
  await tenant.db.send(new PutCommand({ TableName: tenant.tableName, Item: { ...tenant.keys.importMapping(saved.kind, saved.source), ...saved } }));
}
