/**
 * Applying a chunk of checked case rows: each case is created, updated or left unchanged by
 * the authority's own reference. New cases are written in batches (BatchWriteItem cannot be
 * conditional: a case created by hand in the moment between the chunk's read and its write
 * would take the file's values); changed ones are updated on the version read. A case this import already wrote carries the import's id and
 * what it did (`lastImport`), so a chunk done again after a crash counts each row as it was
 * the first time and writes nothing twice. Cases are never deleted: a closed case is marked closed.
 */
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { Case } from '@waypoint/shared/cases/case-schemas';
import type { ImportOutcome } from '@waypoint/shared/imports/import-schemas';
import type { TenantContext } from '../platform/auth/caller.ts';
import { inParallel } from '../platform/database/in-parallel.ts';
import { changesNothing, updateVersioned, withoutKeys } from '../platform/database/versioned-items.ts';
import { caseIndexAttributes, caseRefLookupItem } from '../cases/case-store.ts';
import type { CaseFromRow } from './case-rows.ts';
import { writeAll } from './import-store.ts';

type Applied = Exclude<ImportOutcome, 'refused'>;
export type ImportedCase = Case & { lastImport?: { id: string; outcome: Applied } };

/** Writes at once against the table: enough to keep it busy, few enough to stay under its limits. */
const PARALLEL_WRITES = 8;
/** Batches of keys read at once. */
const PARALLEL_READS = 8;

export async function upsertCases(tenant: TenantContext, importId: string, rows: readonly { row: number; value: CaseFromRow }[], at: string): Promise<Applied[]> {
  const existing = await readCases(
    tenant,
    rows.map((r) => r.value.ref),
  );
  const outcomes: (Applied | undefined)[] = rows.map(({ value }) => {
    const current = existing.get(value.ref.toUpperCase());
    if (!current) return undefined;
    if (current.lastImport?.id === importId) return current.lastImport.outcome;
    return changesNothing(current, fieldsOf(value)) ? 'unchanged' : undefined;
  });
  // New cases go in batches (a tenth of the cost of one write each); the rows were read just
  // before, so each reference is new, and a case's own lookup item is written with it.
  const creates = rows.filter((r, i) => outcomes[i] === undefined && !existing.has(r.value.ref.toUpperCase()));
  await writeAll(
    tenant,
    creates.flatMap(({ value }) => newCaseItems(tenant, importId, value, at)),
  );
  for (const r of creates) outcomes[rows.indexOf(r)] = 'created';
  const updates = rows.map((r, i) => ({ r, i })).filter(({ i }) => outcomes[i] === undefined);
  await inParallel(updates, PARALLEL_WRITES, async ({ r, i }) => {
    outcomes[i] = await updateCase(tenant, importId, r.value, existing.get(r.value.ref.toUpperCase())!, at);
  });
  return outcomes as Applied[];
}

const fieldsOf = (value: CaseFromRow): Record<string, unknown> => Object.fromEntries(Object.entries(value).filter(([name]) => name !== 'ref'));

async function updateCase(tenant: TenantContext, importId: string, value: CaseFromRow, current: ImportedCase, at: string): Promise<Applied> {
  const changes = fieldsOf(value);
  const next = { ...current, ...changes } as Case;
  await updateVersioned<Case>({
    tenant,
    current,
    key: tenant.keys.case(current.ref),
    expectedVersion: current.version,
    changes: { ...changes, ...caseIndexAttributes(tenant, next), lastImport: { id: importId, outcome: 'updated' } },
    at,
    what: 'case',
  });
  return 'updated';
}

function newCaseItems(tenant: TenantContext, importId: string, value: CaseFromRow, at: string): Record<string, unknown>[] {
  const item: ImportedCase = { ...definedOnly(value), version: 1, createdAt: at, updatedAt: at, lastImport: { id: importId, outcome: 'created' } };
  const indexes = Object.fromEntries(Object.entries(caseIndexAttributes(tenant, item)).filter(([, v]) => v !== null));
  return [caseRefLookupItem(tenant, value.ref), { ...item, ...indexes, ...tenant.keys.case(value.ref) }];
}

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * The cases with these references, however their letters' case is stored, by upper-case
 * reference. Each reference's lookup item and its case as typed are read in one round (a case
 * made before lookups existed has none); only a lookup naming a case stored with other letters
 * needs a second. Every batch of the round goes at once, so the database works on one while
 * this thread prepares the next.
 */
async function readCases(tenant: TenantContext, refs: readonly string[]): Promise<Map<string, ImportedCase>> {
  const found = new Map<string, ImportedCase>();
  const keep = (item: Record<string, unknown>) => {
    const c = withoutKeys<ImportedCase>(item);
    found.set(c.ref.toUpperCase(), c);
  };
  const lookupSortKey = tenant.keys.caseRefLookup('X').SK;
  const first = await batchGet(tenant, [...refs.map((ref) => tenant.keys.caseRefLookup(ref)), ...refs.map((ref) => tenant.keys.case(ref))]);
  const elsewhere: string[] = [];
  for (const item of first) {
    if (item.SK !== lookupSortKey) keep(item);
  }
  for (const item of first) {
    if (item.SK === lookupSortKey && !found.has(String(item.ref).toUpperCase())) elsewhere.push(String(item.ref));
  }
  for (const item of await batchGet(
    tenant,
    elsewhere.map((ref) => tenant.keys.case(ref)),
  ))
    keep(item);
  return found;
}

/** BatchGetItem reads 100 keys at a time; the batches go at once, and what one leaves unprocessed is asked for again. */
async function batchGet(tenant: TenantContext, keys: { PK: string; SK: string }[]): Promise<Record<string, unknown>[]> {
  const unique = [...new Map(keys.map((k) => [`${k.PK}|${k.SK}`, k])).values()];
  const batches: { PK: string; SK: string }[][] = [];
  for (let i = 0; i < unique.length; i += 100) batches.push(unique.slice(i, i + 100));
  const found = await inParallel(batches, PARALLEL_READS, async (batch) => {
    const items: Record<string, unknown>[] = [];
    let request: { Keys: Record<string, unknown>[] } | undefined = { Keys: batch };
    for (let attempt = 0; request && request.Keys.length; attempt++) {
      if (attempt) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * 2 ** attempt)));
      const result = await tenant.db.send(new BatchGetCommand({ RequestItems: { [tenant.tableName]: request } }));
      items.push(...(result.Responses?.[tenant.tableName] ?? []));
      request = result.UnprocessedKeys?.[tenant.tableName] as { Keys: Record<string, unknown>[] } | undefined;
    }
    return items;
  });
  return found.flat();
}
