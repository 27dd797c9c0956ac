/**
 * Making a full export of an authority's data, in two resumable steps:
 *
 * - collecting: a page of the authority's keys at a time (`tenant-item-keys.ts`); the items
 *   are read with the authority's own credentials (BatchGetItem, 100 at a time) and each page's
 *   records go to one part object per record type (`.../parts/<type>/<page>.ndjson`, a JSON
 *   record a line). The cursor, the page number and the counts are saved after each page, so a
 *   stopped run resumes at the next page; a page done again writes the same part objects again.
 * - packaging: the parts become one ZIP (`export-package.ts`), streamed into the object store,
 *   and the parts are deleted.
 *
 * Memory holds one page of records at a time, whatever the authority's size.
 */
import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tenantKeys, type Key } from '@waypoint/shared/tenancy/keys';
import { clock } from '@waypoint/shared/time/clock';
import type { JobDependencies } from '../jobs/job-registry.ts';
import { tenantContext, type TenantContext } from '../platform/auth/caller.ts';
import { logger } from '../platform/logging/logger.ts';
import { getTenantSummary, listTenantIds } from '../tenants/tenant-directory.ts';
import { tenantObjectKey } from '../storage/object-keys.ts';
import { getDataExport, listUnfinishedExports, saveExportProgress, type StoredDataExport } from './data-export-store.ts';
import { packageExport, partsPrefix } from './export-package.ts';
import { recordTypeOf } from './record-types.ts';
import { tenantKeyPage, type ScanCursor } from './tenant-item-keys.ts';

const GET_BATCH = 100;
const MAX_ROUNDS = 8;

/** The record as exported: its storage keys and index keys left out (they say nothing the record does not). */
export function exportedRecord(item: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(item)) if (!/^(PK|SK|GSI\d+PK|GSI\d+SK)$/.test(name)) out[name] = value;
  return out;
}

async function readItems(db: DynamoDBDocumentClient, tableName: string, keys: readonly Key[]): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < keys.length; i += GET_BATCH) {
    let wanted: Record<string, unknown>[] = keys.slice(i, i + GET_BATCH).map((key) => ({ PK: key.PK, SK: key.SK }));
    for (let round = 0; wanted.length > 0; round++) {
      if (round === MAX_ROUNDS) throw new Error('DynamoDB kept leaving reads unprocessed');
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** round));
      const result = await db.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: wanted } } }));
      items.push(...(result.Responses?.[tableName] ?? []));
      wanted = result.UnprocessedKeys?.[tableName]?.Keys ?? [];
    }
  }
  return items;
}

/** One page of collecting; false once there is nothing more to collect or another run has the export. */
async function collectPage(deps: JobDependencies, tenant: TenantContext, record: StoredDataExport): Promise<boolean> {
  const root = tenantKeys(tenant.tenantId).root;
  const start = record.cursor === undefined ? undefined : (JSON.parse(record.cursor) as ScanCursor);
  const page = await tenantKeyPage({ db: deps.keyScanClient ?? deps.platformClient, tableName: deps.tableName, tenantId: tenant.tenantId, start });
  const wanted = page.keys.filter((key) => recordTypeOf(root, key).exported);
  const byType = new Map<string, string[]>();
  for (const item of await readItems(tenant.db, tenant.tableName, wanted)) {
    const type = recordTypeOf(root, { PK: String(item.PK), SK: String(item.SK) }).name;
    let lines = byType.get(type);
    if (!lines) byType.set(type, (lines = []));
    lines.push(JSON.stringify(exportedRecord(item)));
  }
  const counts = { ...record.counts };
  const pageName = `${String(record.page).padStart(6, '0')}.ndjson`;
  for (const [type, lines] of byType) {
    await deps.objects.put(tenantObjectKey(tenant.tenantId, 'exports', ...partsPrefix(record.id), type, pageName), `${lines.join('\n')}\n`, 'application/x-ndjson');
    counts[type] = (counts[type] ?? 0) + lines.length;
  }
  if (page.next) return saveExportProgress(tenant, record, { counts, cursor: JSON.stringify(page.next), page: record.page + 1 });
  return saveExportProgress(tenant, record, { counts, cursor: undefined, page: record.page + 1, state: 'packaging' });
}

/** Works on one export until it is ready or `deadline` passes. */
export async function workOnExport(deps: JobDependencies, tenant: TenantContext, record: StoredDataExport, deadline: number): Promise<void> {
  if (record.state === 'waiting' && !(await saveExportProgress(tenant, record, { state: 'collecting' }))) return;
  while (record.state === 'collecting' && Date.now() < deadline) {
    if (!(await collectPage(deps, tenant, record))) return;
  }
  if (record.state !== 'packaging' || Date.now() >= deadline) return;
  const packaged = await packageExport({ objects: deps.objects, tenantId: tenant.tenantId, record, settingsName: await authorityName(tenant) });
  await saveExportProgress(tenant, record, { state: 'ready', finishedAt: clock.nowIso(), size: packaged.size, filename: packaged.filename, objectKey: packaged.key });
}

/**
 * Works on the one export a person just asked for (started at once: in-process on one machine,
 * an asynchronous run of the jobs function in AWS); an export another run has finished or holds
 * is left to it.
 */
export async function workOnExportNow(deps: JobDependencies, tenantId: string, exportId: string, deadline: number): Promise<void> {
  const tenant = tenantContext({ tenantId, db: deps.dataClientFor(tenantId), tableName: deps.tableName, portalUrl: deps.portalUrl });
  const record = await getDataExport(tenant, exportId);
  if (record) await workOnExport(deps, tenant, record, deadline);
}

async function authorityName(tenant: TenantContext): Promise<string> {
  return (await getTenantSummary(tenant))?.name ?? 'The authority';
}

/** Every unfinished export of every authority still holding data; how many this run finished. */
export async function runDataExports(deps: JobDependencies, deadline: number): Promise<number> {
  let finished = 0;
  for (const tenantId of await listTenantIds(deps)) {
    const tenant = tenantContext({ tenantId, db: deps.dataClientFor(tenantId), tableName: deps.tableName, portalUrl: deps.portalUrl });
    for (const record of await listUnfinishedExports(tenant)) {
      if (Date.now() > deadline) return finished;
      try {
        await workOnExport(deps, tenant, record, deadline);
        if (record.state === 'ready') finished++;
      } catch (error) {
        logger.error('data export pass stopped', { exportId: record.id, error: error instanceof Error ? error.message : 'unknown' });
      }
    }
  }
  return finished;
}
