/**
 * Everything Waypoint holds that names one case: the case, every audit of it with its answers,
 * reflections and moderation, the actions raised on it, the child's journey and the records
 * compliance checks of it. Engagement responses are never read: they are anonymous, even when
 * the invitation code was linked to a case, and stay out of every case export.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Action } from '@waypoint/shared/actions/action-schemas';
import type { Case } from '@waypoint/shared/cases/case-schemas';
import type { ComplianceCheck } from '@waypoint/shared/compliance/compliance-schemas';
import type { RecordedJourneyEvent } from '@waypoint/shared/journey/journey-schemas';
import { listActionsForCase } from '../actions/action-store.ts';
import { getAuditWithReflections, type AuditPartition } from '../audits/audit-store.ts';
import { listChecks } from '../compliance/compliance-store.ts';
import { getJourney, inJourneyOrder } from '../journey/journey-store.ts';
import type { TenantContext } from '../platform/auth/caller.ts';

export interface CaseSubjectRecords {
  case: Case;
  audits: AuditPartition[];
  actions: Action[];
  journey: RecordedJourneyEvent[];
  complianceChecks: ComplianceCheck[];
}

/** Audit reads at once, so a long history does not flood the table. */
const PARALLEL_READS = 8;

/** Every audit id of the case, from its index partition (GSI3), oldest month first. */
export async function auditIdsOfCase(tenant: TenantContext, ref: string): Promise<string[]> {
  const ids: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await tenant.db.send(
      new QueryCommand({
        TableName: tenant.tableName,
        IndexName: 'GSI3',
        KeyConditionExpression: 'GSI3PK = :pk',
        ExpressionAttributeValues: { ':pk': tenant.keys.auditsByCase(ref).GSI3PK },
        ProjectionExpression: 'id',
        ExclusiveStartKey: start,
      }),
    );
    ids.push(...(page.Items ?? []).map((item) => String(item.id)));
    start = page.LastEvaluatedKey;
  } while (start);
  return [...new Set(ids)];
}

export async function readAuditPartitions(tenant: TenantContext, auditIds: readonly string[]): Promise<AuditPartition[]> {
  const found: AuditPartition[] = [];
  for (let i = 0; i < auditIds.length; i += PARALLEL_READS) {
    const batch = await Promise.all(auditIds.slice(i, i + PARALLEL_READS).map((id) => getAuditWithReflections(tenant, id)));
    found.push(...batch.flatMap((p) => (p ? [p] : [])));
  }
  return found;
}

export async function caseSubjectRecords(tenant: TenantContext, found: Case): Promise<CaseSubjectRecords> {
  const [auditIds, actions, journey, checks] = await Promise.all([auditIdsOfCase(tenant, found.ref), listActionsForCase(tenant, found.ref), getJourney(tenant, found.ref), listChecks(tenant)]);
  const audits = await readAuditPartitions(tenant, auditIds);
  // An audit is the case's by its own record, whatever an index entry says.
  return {
    case: found,
    audits: audits.filter((p) => p.audit.caseRef === found.ref).sort((a, b) => a.audit.month.localeCompare(b.audit.month) || a.audit.id.localeCompare(b.audit.id)),
    actions: actions.filter((a) => a.caseRef === found.ref),
    journey: inJourneyOrder(journey?.events ?? []),
    complianceChecks: checks.filter((c) => c.caseRef === found.ref),
  };
}
