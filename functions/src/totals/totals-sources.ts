/**
 * Reading every source of a tenant's totals, for the reconcile job and its test: cases
 * (for demographics), audits and actions by team, and moderations by the audits' months,
 * each with only the fields the totals need. No Scan: every read is a Query of the
 * tenant's own index partitions.
 */
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Action } from '@waypoint/shared/actions/action-schemas';
import type { Audit } from '@waypoint/shared/audits/audit-schemas';
import type { Case } from '@waypoint/shared/cases/case-schemas';
import { actionContribution, auditContribution, moderationContribution } from '@waypoint/shared/dashboards/totals-contributions';
import type { Moderation } from '@waypoint/shared/moderation/moderation-schemas';
import type { TenantContext } from '../platform/auth/caller.ts';
import { withoutKeys } from '../platform/database/versioned-items.ts';
import { listTeams } from '../teams/team-store.ts';
import type { SourceChange } from './totals-ledger.ts';

const CASE_FIELDS = ['ref', 'ageBand', 'gender', 'ethnicity', 'disability'] as const;
const AUDIT_FIELDS = ['id', 'caseRef', 'month', 'teamId', 'caseType', 'state', 'completedAt', 'overallGrade', 'sectionGrades', 'version'] as const;
const ACTION_FIELDS = ['id', 'createdAt', 'updatedAt', 'teamId', 'caseRef', 'caseType', 'ownerId', 'state', 'dueDate', 'doneOn', 'source', 'impact', 'version'] as const;

/** Every item of a key condition, projected to `fields` (names escaped: several are reserved words). */
async function queryAll<T>(tenant: TenantContext, input: Omit<QueryCommandInput, 'TableName'>, fields?: readonly string[]): Promise<T[]> {
  const names = fields ? Object.fromEntries(fields.map((f, i) => [`#p${i}`, f])) : {};
  const found: T[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const result = await tenant.db.send(
      new QueryCommand({
        ...input,
        TableName: tenant.tableName,
        ...(fields ? { ProjectionExpression: Object.keys(names).join(', ') } : {}),
        ExpressionAttributeNames: { ...input.ExpressionAttributeNames, ...names },
        ExclusiveStartKey: start,
      }),
    );
    found.push(...(result.Items ?? []).map((item) => withoutKeys<T>(item)));
    start = result.LastEvaluatedKey;
  } while (start);
  return found;
}

export interface TenantSources {
  changes: SourceChange[];
  /** Actions, for rebuilding the open-actions list, with their case type resolved. */
  actions: Action[];
}

export async function readTenantSources(tenant: TenantContext): Promise<TenantSources> {
  const k = tenant.keys;
  const teams = (await listTeams(tenant)).map((t) => t.id);
  const byIndex = (index: string, pk: string) => ({ IndexName: index, KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': `${index}PK` }, ExpressionAttributeValues: { ':pk': pk } });
  const [cases, auditsByTeam, actionsByTeam] = await Promise.all([
    queryAll<Pick<Case, (typeof CASE_FIELDS)[number]>>(tenant, byIndex('GSI1', k.casesByTeam().GSI1PK), CASE_FIELDS),
    Promise.all(teams.map((team) => queryAll<Audit>(tenant, byIndex('GSI2', k.auditsByTeam(team).GSI2PK), AUDIT_FIELDS))),
    Promise.all(teams.map((team) => queryAll<Action>(tenant, byIndex('GSI2', k.actionsByTeam(team).GSI2PK), ACTION_FIELDS))),
  ]);
  const audits = auditsByTeam.flat();
  const months = [...new Set(audits.map((a) => a.month))].sort();
  const moderations = (await Promise.all(months.map((month) => queryAll<Moderation>(tenant, byIndex('GSI1', k.moderationsByMonth(month).GSI1PK))))).flat();
  const caseByRef = new Map(cases.map((c) => [c.ref, c]));
  const auditById = new Map(audits.map((a) => [a.id, a]));
  const changes: SourceChange[] = audits.map((a) => ({ kind: 'audit', id: a.id, version: a.version, contribution: auditContribution(a, caseByRef.get(a.caseRef)) }));
  for (const m of moderations) {
    const audit = auditById.get(m.auditId);
    if (audit) changes.push({ kind: 'moderation', id: m.auditId, version: m.version, contribution: moderationContribution(m, audit.caseType) });
  }
  const actions: Action[] = [];
  for (const action of actionsByTeam.flat()) {
    const caseType = action.caseType ?? auditById.get(action.source.auditId)?.caseType;
    if (!caseType) continue;
    actions.push({ ...action, caseType });
    changes.push({ kind: 'action', id: action.id, version: action.version, contribution: actionContribution(action, caseType) });
  }
  return { changes, actions };
}
