/**
 * Reading every source of a tenant's totals, for the reconcile job and its test: cases
 * (for demographics), audits and actions by team, moderations by the audits' months, and
 * the tagged responses of each engagement activity, every records compliance check and every audit's grade views, each with only the fields the totals
 * need. No Scan: every read is a Query of the tenant's own partitions.
 */
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Action } from '@waypoint/shared/actions/action-schemas';
import type { Audit } from '@waypoint/shared/audits/audit-schemas';
import type { Case } from '@waypoint/shared/cases/case-schemas';
import { actionContribution, auditContribution, moderationContribution } from '@waypoint/shared/dashboards/totals-contributions';
import type { Moderation } from '@waypoint/shared/moderation/moderation-schemas';
import type { EngagementActivity } from '@waypoint/shared/engagement/activity-schemas';
import { EXPIRY_ATTRIBUTE } from '@waypoint/shared/table/table-definition';
import { clock } from '@waypoint/shared/time/clock';
import type { TenantContext } from '../platform/auth/caller.ts';
import { withoutKeys } from '../platform/database/versioned-items.ts';
import { listTeams } from '../teams/team-store.ts';
import type { ComplianceCheck } from '@waypoint/shared/compliance/compliance-schemas';
import { readAllWithPrefix } from '../platform/database/partition-queries.ts';
import { complianceChange } from './compliance-totals.ts';
import { gradeViewsChange } from './grade-view-totals.ts';
import type { GradeViews } from '@waypoint/shared/audits/grade-view-schemas';
import { feedbackChange, feedbackPlacement, type TaggedForTotals } from './feedback-totals.ts';
import type { SourceChange } from './totals-ledger.ts';

const CASE_FIELDS = ['ref', 'teamId', 'caseType', 'ageBand', 'gender', 'ethnicity', 'disability'] as const;
const AUDIT_FIELDS = ['id', 'caseRef', 'month', 'teamId', 'caseType', 'state', 'completedAt', 'overallGrade', 'sectionGrades', 'reauditOf', 'version'] as const;
const GRADE_VIEW_FIELDS = ['auditId', 'month', 'teamId', 'caseType', 'views', 'version'] as const;
const CHECK_FIELDS = ['id', 'month', 'teamId', 'caseType', 'answers', 'version'] as const;
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
    const source = action.source;
    const caseType = action.caseType ?? (source.type === 'audit' ? auditById.get(source.auditId)?.caseType : undefined);
    if (!caseType && source.type === 'audit') continue;
    actions.push({ ...action, ...(caseType ? { caseType } : {}) });
    changes.push({ kind: 'action', id: action.id, version: action.version, contribution: actionContribution(action, caseType) });
  }
  changes.push(...(await feedbackChanges(tenant, new Map(cases.map((c) => [c.ref, c])))));
  const checks = await readAllWithPrefix<Pick<ComplianceCheck, (typeof CHECK_FIELDS)[number]>>(tenant, k.complianceChecksOfMonth(), CHECK_FIELDS);
  changes.push(...checks.map(complianceChange));
  const views = await queryAll<GradeViews>(tenant, byIndex('GSI1', k.allGradeViews().GSI1PK), GRADE_VIEW_FIELDS);
  changes.push(...views.map(gradeViewsChange));
  return { changes, actions };
}

const ACTIVITY_FIELDS = ['id', 'teamId', 'caseType'] as const;
const RESPONSE_FIELDS = ['id', 'state', 'submittedAt', 'themes', 'themesVersion', 'codeId', EXPIRY_ATTRIBUTE] as const;

/**
 * Every response staff have ever tagged (`themesVersion` set), even if since untagged, so its
 * marker is reset too; one Query per activity. A response past its retention counts no more.
 */
async function feedbackChanges(tenant: TenantContext, caseByRef: ReadonlyMap<string, Pick<Case, 'teamId' | 'caseType'>>): Promise<SourceChange[]> {
  const k = tenant.keys;
  const nowSeconds = Math.floor(clock.now().getTime() / 1000);
  const activities = await queryAll<Pick<EngagementActivity, (typeof ACTIVITY_FIELDS)[number]>>(
    tenant,
    { IndexName: 'GSI1', KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': 'GSI1PK' }, ExpressionAttributeValues: { ':pk': k.engagementActivities().GSI1PK } },
    ACTIVITY_FIELDS,
  );
  const inPartition = (prefix: { PK: string; SK: string }, extra: Partial<QueryCommandInput> = {}) => ({
    KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :sk)',
    ...extra,
    ExpressionAttributeNames: { '#pk': 'PK', '#sk': 'SK', ...extra.ExpressionAttributeNames },
    ExpressionAttributeValues: { ':pk': prefix.PK, ':sk': prefix.SK, ...extra.ExpressionAttributeValues },
  });
  const perActivity = await Promise.all(
    activities.map(async (activity) => {
      const tagged = (
        await queryAll<TaggedForTotals & { [EXPIRY_ATTRIBUTE]?: number }>(tenant, inPartition(k.feedbackResponsesPrefix(activity.id), { FilterExpression: 'attribute_exists(#tv)', ExpressionAttributeNames: { '#tv': 'themesVersion' } }), RESPONSE_FIELDS)
      ).filter((r) => r[EXPIRY_ATTRIBUTE] === undefined || r[EXPIRY_ATTRIBUTE] >= nowSeconds);
      // Codes are read only when the activity leaves its team or case type to the linked case.
      const needsCases = (!activity.teamId || !activity.caseType) && tagged.some((r) => r.codeId);
      const codes = needsCases ? await queryAll<{ id: string; caseRef?: string }>(tenant, inPartition(k.invitationCodesPrefix(activity.id)), ['id', 'caseRef']) : [];
      const caseRefOf = new Map(codes.map((c) => [c.id, c.caseRef]));
      return tagged.map((r) => {
        const caseRef = r.codeId ? caseRefOf.get(r.codeId) : undefined;
        return feedbackChange(activity.id, r, feedbackPlacement(activity, caseRef ? caseByRef.get(caseRef) : undefined));
      });
    }),
  );
  return perActivity.flat();
}
