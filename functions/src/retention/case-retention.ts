/**
 * Retention of closed cases: a case closed longer ago than its case type's years (settings'
 * `caseRetentionYears`) is deleted with everything about it (its audits' partitions with answers,
 * reflections, moderation and journey copies; its actions and their open-action entries; its
 * records compliance checks; its journey, profile and reference lookup), unless it is on legal
 * hold. A run deletes at most `MAX_CASES_PER_RUN` cases per authority, each child record before
 * the case itself, so a run that stops part-way leaves the case to be found and finished by the
 * next; deleting what is already gone changes nothing. Each deleted case leaves one entry in the
 * retention log with counts, case type and dates only, never the reference or any content.
 * The monthly totals and the authority's size are then rebuilt from what is left. The activity
 * log stops naming the case (`activity-anonymising.ts`) and gains one entry, "a case was
 * deleted by retention", without its reference; samples, reviews, alerts, invitation codes,
 * emails and imports stop naming it too (`case-mentions.ts`).
 */
import { BatchWriteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { londonDate } from '@waypoint/shared/audits/audit-dates';
import type { Case, CaseType } from '@waypoint/shared/cases/case-schemas';
import { DEFAULT_CASE_RETENTION_YEARS } from '@waypoint/shared/settings/settings-schemas';
import { clock } from '@waypoint/shared/time/clock';
import { ulid } from 'ulid';
import type { TenantContext } from '../platform/auth/caller.ts';
import { getSettings } from '../settings/settings-store.ts';
import { auditIdsOfCase } from '../subject-access/case-subject-records.ts';
import { reconcileTenantTotals } from '../totals/totals-reconcile.ts';
import { anonymiseActivityOfCases, recordRetentionDeletion } from './activity-anonymising.ts';
import { removeMentionsOfCases } from './case-mentions.ts';

export const MAX_CASES_PER_RUN = 25;

type Key = { PK?: unknown; SK?: unknown };

export interface RetentionLogEntry {
  id: string;
  deletedOn: string;
  caseType: CaseType;
  closedOn: string;
  keptYears: number;
  counts: { audits: number; reflections: number; actions: number; journeyEvents: number; complianceChecks: number; items: number };
}

/** The day retention counts from: the day it closed, or for a case closed before that was kept, its last change. */
export function closedDayOf(c: Pick<Case, 'closedOn' | 'updatedAt'>): string {
  return c.closedOn ?? londonDate(new Date(c.updatedAt));
}

/** The first day a closed case may be deleted: its closing day plus its type's years. */
export function deletableFrom(c: Pick<Case, 'closedOn' | 'updatedAt'>, years: number): string {
  const closed = closedDayOf(c);
  return `${String(Number(closed.slice(0, 4)) + years).padStart(4, '0')}${closed.slice(4)}`;
}

async function queryAll(tenant: TenantContext, input: Record<string, unknown>): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await tenant.db.send(new QueryCommand({ TableName: tenant.tableName, ...input, ExclusiveStartKey: start } as ConstructorParameters<typeof QueryCommand>[0]));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Every closed case of the authority, from the cases index (GSI1), its profile fields only. */
export async function closedCases(tenant: TenantContext): Promise<Case[]> {
  const items = await queryAll(tenant, {
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :prefix)',
    FilterExpression: '#status = :closed',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':pk': tenant.keys.casesByTeam().GSI1PK, ':prefix': tenant.keys.casesByTeam().GSI1SK, ':closed': 'closed' },
  });
  return items.map((item) => item as unknown as Case);
}

export async function retentionYearsOf(tenant: TenantContext): Promise<Record<CaseType, number>> {
  return (await getSettings(tenant))?.caseRetentionYears ?? DEFAULT_CASE_RETENTION_YEARS;
}

async function deleteKeys(tenant: TenantContext, keys: readonly Key[]): Promise<number> {
  for (let i = 0; i < keys.length; i += 25) {
    let pending: Record<string, unknown>[] | undefined = keys.slice(i, i + 25).map((k) => ({ DeleteRequest: { Key: { PK: k.PK, SK: k.SK } } }));
    // DynamoDB may leave some unprocessed under load; send those again.
    for (let attempt = 0; pending?.length && attempt < 8; attempt++) {
      const result = await tenant.db.send(new BatchWriteCommand({ RequestItems: { [tenant.tableName]: pending as never } }));
      pending = result.UnprocessedItems?.[tenant.tableName] as Record<string, unknown>[] | undefined;
    }
    if (pending?.length) throw new Error('Retention could not delete every item; the next run finishes it');
  }
  return keys.length;
}

const partition = (tenant: TenantContext, pk: string) => queryAll(tenant, { KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': pk } });

/** Deletes one case and everything about it, children first; returns what went. */
async function deleteCase(tenant: TenantContext, c: Case): Promise<RetentionLogEntry['counts']> {
  const counts = { audits: 0, reflections: 0, actions: 0, journeyEvents: 0, complianceChecks: 0, items: 0 };
  for (const auditId of await auditIdsOfCase(tenant, c.ref)) {
    const items = await partition(tenant, tenant.keys.auditPartition(auditId));
    // Only an audit that still names this case goes with it.
    const audit = items.find((i) => i.SK === 'AUDIT');
    if (audit && audit.caseRef !== c.ref) continue;
    counts.audits += audit ? 1 : 0;
    counts.reflections += items.filter((i) => String(i.SK).startsWith('REFLECTION#')).length;
    counts.items += await deleteKeys(tenant, items);
  }
  const actions = await queryAll(tenant, { IndexName: 'GSI3', KeyConditionExpression: 'GSI3PK = :pk', ExpressionAttributeValues: { ':pk': tenant.keys.actionsByCase(c.ref).GSI3PK } });
  for (const action of actions) {
    if (action.caseRef !== c.ref) continue;
    const items = await partition(tenant, String(action.PK));
    const open = action.dueDate ? [tenant.keys.openAction(String(action.dueDate), String(action.id))] : [];
    counts.actions += 1;
    counts.items += await deleteKeys(tenant, [...items, ...open]);
  }
  const checks = (await queryAll(tenant, { KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)', ExpressionAttributeValues: { ':pk': tenant.keys.compliancePartition(), ':prefix': 'CHECK#' } })).filter((k) => k.caseRef === c.ref);
  for (const check of checks) {
    counts.complianceChecks += 1;
    counts.items += await deleteKeys(tenant, [check, tenant.keys.totalsMarker({ kind: 'compliance', id: String(check.id) })]);
  }
  const caseItems = await partition(tenant, tenant.keys.case(c.ref).PK);
  const journey = caseItems.find((i) => i.SK === 'JOURNEY') as { events?: unknown[] } | undefined;
  counts.journeyEvents = journey?.events?.length ?? 0;
  // The profile last: while it is there, the next run finds the case and finishes it.
  const profile = caseItems.filter((i) => i.SK === 'PROFILE');
  // References the case had before a reference change go too: the record of the change and the old reference's lookup.
  const renames = (await partition(tenant, tenant.keys.caseRenamesPartition())).filter((r) => r.to === c.ref);
  const formerRefs = renames.flatMap((r) => [{ PK: r.PK, SK: r.SK }, tenant.keys.caseRefLookup(String(r.from))]);
  counts.items += await deleteKeys(tenant, [...caseItems.filter((i) => i.SK !== 'PROFILE'), ...formerRefs, tenant.keys.caseRefLookup(c.ref)]);
  counts.items += await deleteKeys(tenant, profile);
  return counts;
}

/** Deletes the authority's closed cases past retention (at most `limit`), and logs each. */
export async function deleteExpiredCases(tenant: TenantContext, limit = MAX_CASES_PER_RUN): Promise<{ casesDeleted: number; itemsDeleted: number }> {
  const today = londonDate(clock.now());
  const years = await retentionYearsOf(tenant);
  const due = (await closedCases(tenant)).filter((c) => !c.legalHold && deletableFrom(c, years[c.caseType] ?? 6) <= today).slice(0, limit);
  let itemsDeleted = 0;
  // Each case's log entry id is chosen first: records that must stay name the case by it from now on.
  const entryIds = new Map(due.map((c) => [c.ref, ulid()]));
  // Before anything goes, so a run that stops part-way leaves the cases due and the next finishes this too.
  await anonymiseActivityOfCases(
    tenant,
    due.map((c) => c.ref),
  );
  const firstMonth = due.reduce((first, c) => (c.createdAt && c.createdAt.slice(0, 7) < first ? c.createdAt.slice(0, 7) : first), today.slice(0, 7));
  await removeMentionsOfCases(
    tenant,
    due.map((c) => ({ ref: c.ref, standInId: entryIds.get(c.ref)! })),
    firstMonth,
    today.slice(0, 7),
  );
  for (const c of due) {
    const counts = await deleteCase(tenant, c);
    itemsDeleted += counts.items;
    const entry: RetentionLogEntry = { id: entryIds.get(c.ref)!, deletedOn: today, caseType: c.caseType, closedOn: closedDayOf(c), keptYears: years[c.caseType] ?? 6, counts };
    await tenant.db.send(new PutCommand({ TableName: tenant.tableName, Item: { ...tenant.keys.retentionLogEntry(today, entry.id), ...entry } }));
    await recordRetentionDeletion(tenant, entry.id, clock.nowIso());
  }
  if (due.length > 0) await reconcileTenantTotals(tenant);
  return { casesDeleted: due.length, itemsDeleted };
}

/** The retention log, newest first: counts, case types and dates only. */
export async function readRetentionLog(tenant: TenantContext, limit = 200): Promise<RetentionLogEntry[]> {
  const page = await tenant.db.send(new QueryCommand({ TableName: tenant.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': tenant.keys.retentionLogPartition() }, ScanIndexForward: false, Limit: limit }));
  return (page.Items ?? []).map(({ PK: _pk, SK: _sk, ...entry }) => entry as RetentionLogEntry);
}
