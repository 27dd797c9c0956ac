/**
 * Audits in DynamoDB. Each audit has its own partition: the audit item, its reflections,
 * its moderation and journey snapshot, copies of its actions, and one participant entry per person who took part
 * (indexed by person, so "audits I took part in" is one query). The audit is written first, participant entries after;
 * their keys are deterministic, so a retry rewrites the same entries.
 */
import { BatchGetCommand, DeleteCommand, PutCommand, QueryCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { Action } from '@waypoint/shared/actions/action-schemas';
import type { Audit } from '@waypoint/shared/audits/audit-schemas';
import type { Reflection } from '@waypoint/shared/audits/reflection-schemas';
import type { GradeViews } from '@waypoint/shared/audits/grade-view-schemas';
import type { Moderation } from '@waypoint/shared/moderation/moderation-schemas';
import { markActionsCopied } from '../actions/audit-action-copies.ts';
import type { JourneySnapshot } from '../journey/journey-store.ts';
import type { TenantContext } from '../platform/auth/caller.ts';
import { createItem, getItem, updateVersioned, withoutKeys } from '../platform/database/versioned-items.ts';
import { recordAuditTotals } from '../totals/audit-totals.ts';

export type ParticipantRole = 'auditor' | 'case-holder' | 'student';

export interface Participant {
  auditId: string;
  userId: string;
  roles: ParticipantRole[];
  month: string;
}

export function getAudit(tenant: TenantContext, auditId: string): Promise<Audit | undefined> {
  return getItem<Audit>(tenant, tenant.keys.audit(auditId));
}

export interface AuditPartition {
  audit: Audit;
  reflections: Reflection[];
  /** QA's moderation, when the audit has been moderated. */
  moderation?: Moderation;
  /** The journey as it stood when the audit completed. */
  journeySnapshot?: JourneySnapshot;
  /** The case holder's and student's views on the grades, once either has given one. */
  gradeViews?: GradeViews;
  /**
   * The actions raised in the audit, from their copies beside it, in the order they were raised;
   * absent for an older audit whose copies are not yet complete (audit-action-copies.ts).
   */
  actions?: Action[];
}

/** The audit with its reflections (oldest first), moderation, journey snapshot and actions: one query of the audit's partition. */
export async function getAuditWithReflections(tenant: TenantContext, auditId: string): Promise<AuditPartition | undefined> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const result = await tenant.db.send(
      new QueryCommand({
        TableName: tenant.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': tenant.keys.auditPartition(auditId) },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(result.Items ?? []));
    start = result.LastEvaluatedKey;
  } while (start);
  const auditItem = items.find((item) => item.SK === 'AUDIT');
  if (!auditItem) return undefined;
  const reflections = items
    .filter((item) => String(item.SK).startsWith('REFLECTION#'))
    .map((item) => withoutKeys<Reflection>(item))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const moderation = items.find((item) => item.SK === 'MODERATION');
  const journeySnapshot = items.find((item) => item.SK === 'JOURNEY');
  const gradeViews = items.find((item) => item.SK === 'GRADE-VIEWS');
  // Action ids are ULIDs, so the copies' sort keys are in the order the actions were raised.
  const copiedMark = tenant.keys.auditActionsCopied(auditId).SK;
  const actions = items.some((item) => item.SK === copiedMark) ? items.filter((item) => String(item.SK).startsWith('ACTION#')).map((item) => withoutKeys<Action>(item)) : undefined;
  return {
    audit: withoutKeys<Audit>(auditItem),
    reflections,
    ...(moderation ? { moderation: withoutKeys<Moderation>(moderation) } : {}),
    ...(journeySnapshot ? { journeySnapshot: withoutKeys<JourneySnapshot>(journeySnapshot) } : {}),
    ...(gradeViews ? { gradeViews: withoutKeys<GradeViews>(gradeViews) } : {}),
    ...(actions ? { actions } : {}),
  };
}

/** Up to 100 audits by id (one BatchGet), in the order asked; missing ids are left out. */
export async function getAudits(tenant: TenantContext, auditIds: readonly string[]): Promise<Audit[]> {
  const found = new Map<string, Audit>();
  let keys: Record<string, unknown>[] | undefined = [...new Set(auditIds)].map((id) => ({ ...tenant.keys.audit(id) }));
  // DynamoDB may leave some keys unprocessed under load; ask again for just those.
  for (let attempt = 0; keys?.length && attempt < 5; attempt++) {
    const result: BatchGetCommandOutput = await tenant.db.send(new BatchGetCommand({ RequestItems: { [tenant.tableName]: { Keys: keys } } }));
    for (const item of result.Responses?.[tenant.tableName] ?? []) {
      const audit = withoutKeys<Audit>(item);
      found.set(audit.id, audit);
    }
    keys = result.UnprocessedKeys?.[tenant.tableName]?.Keys;
  }
  return auditIds.flatMap((id) => found.get(id) ?? []);
}

function auditIndexAttributes(tenant: TenantContext, audit: Pick<Audit, 'id' | 'month' | 'teamId' | 'caseRef'>) {
  return tenant.keys.auditIndexEntries({ id: audit.id, month: audit.month, teamId: audit.teamId, caseRef: audit.caseRef });
}

/** Who took part, each once with every part they played. */
export function participantsOf(audit: Pick<Audit, 'id' | 'month' | 'auditorId' | 'caseHolderId' | 'studentId'>): Participant[] {
  const byUser = new Map<string, ParticipantRole[]>();
  const add = (userId: string | undefined, role: ParticipantRole) => {
    if (userId) byUser.set(userId, [...(byUser.get(userId) ?? []), role]);
  };
  add(audit.auditorId, 'auditor');
  add(audit.caseHolderId, 'case-holder');
  add(audit.studentId, 'student');
  return [...byUser].map(([userId, roles]) => ({ auditId: audit.id, userId, roles, month: audit.month }));
}

/**
 * Writes the current participant entries (every time, so a save after an interrupted one
 * repairs them) and removes those of people no longer taking part.
 */
export async function syncParticipants(tenant: TenantContext, before: Parameters<typeof participantsOf>[0] | undefined, after: Parameters<typeof participantsOf>[0]): Promise<void> {
  const now = participantsOf(after);
  const previous = before ? participantsOf(before) : [];
  for (const p of now) {
    const key = tenant.keys.auditParticipant(p.auditId, p.userId);
    await tenant.db.send(new PutCommand({ TableName: tenant.tableName, Item: { ...p, ...key, ...tenant.keys.auditParticipantIndexEntries(p) } }));
  }
  for (const gone of previous.filter((q) => !now.some((p) => p.userId === q.userId))) {
    await tenant.db.send(new DeleteCommand({ TableName: tenant.tableName, Key: tenant.keys.auditParticipant(gone.auditId, gone.userId) }));
  }
}

/**
 * Conditional on absence, then the mark that its actions' copies are complete (it has none yet),
 * the participant entries, then the monthly totals (unless the caller rebuilds those itself
 * afterwards, as the demo seed does).
 */
export async function putNewAudit(tenant: TenantContext, audit: Audit, options: { totals?: boolean } = {}): Promise<void> {
  await createItem({ tenant, key: tenant.keys.audit(audit.id), item: { ...audit, ...auditIndexAttributes(tenant, audit) }, what: 'audit' });
  await markActionsCopied(tenant, audit.id);
  await syncParticipants(tenant, undefined, audit);
  if (options.totals !== false) await recordAuditTotals(tenant, audit);
}

/** A change conditional on the version the caller read; index keys, participants and totals follow the audit. */
export async function updateAudit(options: { tenant: TenantContext; current: Audit; expectedVersion: number; changes: Partial<Record<keyof Audit, unknown>>; at: string }) {
  const { tenant, current } = options;
  const next = { ...current, ...options.changes } as Audit;
  const result = await updateVersioned<Audit>({
    tenant,
    key: tenant.keys.audit(current.id),
    expectedVersion: options.expectedVersion,
    changes: { ...options.changes, ...auditIndexAttributes(tenant, next) },
    at: options.at,
    what: 'audit',
  });
  await syncParticipants(tenant, result.before, result.after);
  await recordAuditTotals(tenant, result.after);
  return result;
}
