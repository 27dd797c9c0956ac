/**
 * Lists of audits within a caller's scope. Each scope and filter maps to index
 * partitions: a case's audits (GSI3), a month's (GSI1, by team), a team's (GSI2, newest
 * month first), or the audits a person took part in (GSI1 participant entries, then the
 * audits themselves in one BatchGet). Every audit is checked against the scope again.
 */
import { QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { Audit, AuditPage, AuditState, AuditSummary } from '@waypoint/shared/audits/audit-schemas';
import type { Case } from '@waypoint/shared/cases/case-schemas';
import type { TenantContext } from '../platform/auth/caller.ts';
import { withoutKeys } from '../platform/database/versioned-items.ts';
import { decodeCursor, encodeCursor, requireCursorIn, type Cursor } from '../platform/http/pagination.ts';
import type { CaseViewer } from '../cases/case-scope.ts';
import { findCase } from '../cases/case-store.ts';
import { listTeams } from '../teams/team-store.ts';
import { currentUsers } from '../users/current-user-cache.ts';
import { canSeeAudit } from './audit-scope.ts';
import { getAudits, type Participant } from './audit-store.ts';

interface AuditPartition {
  index: 'GSI1' | 'GSI2' | 'GSI3';
  partitionValue: string;
  sortPrefix: string;
  /** Participant entries point at audits; the others are the audits themselves. */
  holds: 'audits' | 'participants';
  newestFirst: boolean;
}

export interface AuditFilters {
  month?: string;
  team?: string;
  caseRef?: string;
  state?: AuditState;
}

/** Queries one request may make while filters leave pages short, before handing back a cursor. */
const MAX_QUERIES = 10;

async function partitionsFor(tenant: TenantContext, viewer: CaseViewer, filters: AuditFilters, currentCase: Case | undefined): Promise<AuditPartition[]> {
  const k = tenant.keys;
  const { month, team } = filters;
  if (filters.caseRef !== undefined) {
    if (!currentCase || viewer.scope === 'none') return [];
    const key = k.auditsByCase(filters.caseRef, month);
    return [{ index: 'GSI3', partitionValue: key.GSI3PK, sortPrefix: key.GSI3SK, holds: 'audits', newestFirst: true }];
  }
  const byTeam = (teamId: string): AuditPartition =>
    month === undefined
      ? { index: 'GSI2', partitionValue: k.auditsByTeam(teamId).GSI2PK, sortPrefix: '', holds: 'audits', newestFirst: true }
      : { index: 'GSI1', partitionValue: k.auditsByMonth(month, teamId).GSI1PK, sortPrefix: k.auditsByMonth(month, teamId).GSI1SK, holds: 'audits', newestFirst: false };
  switch (viewer.scope) {
    case 'own':
    case 'student': {
      const key = k.auditsByPerson(viewer.caller.userId, month);
      return [{ index: 'GSI1', partitionValue: key.GSI1PK, sortPrefix: key.GSI1SK, holds: 'participants', newestFirst: true }];
    }
    case 'team':
      return viewer.teamIds.filter((t) => team === undefined || t === team).map(byTeam);
    case 'tenant':
      if (month !== undefined) {
        const key = k.auditsByMonth(month, team);
        return [{ index: 'GSI1', partitionValue: key.GSI1PK, sortPrefix: key.GSI1SK, holds: 'audits', newestFirst: false }];
      }
      if (team !== undefined) return [byTeam(team)];
      return (await listTeams(tenant)).map((t) => byTeam(t.id));
    case 'none':
      return [];
  }
}

export function summaryOf(audit: Audit): AuditSummary {
  const { answers: _answers, ...summary } = audit;
  return summary;
}

/** Names of the staff a set of audits names. */
export async function peopleNamedBy(tenant: TenantContext, audits: readonly Pick<Audit, 'auditorId' | 'caseHolderId' | 'studentId' | 'createdById'>[], extra: string[] = []): Promise<Record<string, string>> {
  const ids = audits.flatMap((a) => [a.auditorId, a.caseHolderId, a.studentId, a.createdById]).filter((id): id is string => typeof id === 'string');
  return Object.fromEntries(await currentUsers.names(tenant, [...ids, ...extra]));
}

export async function listAudits(options: { tenant: TenantContext; viewer: CaseViewer; filters: AuditFilters; limit: number; cursor?: string }): Promise<AuditPage> {
  const { tenant, viewer } = options;
  const currentCase = options.filters.caseRef !== undefined ? await findCase(tenant, options.filters.caseRef) : undefined;
  // A reference typed in another case ("nv-00001") lists the case under the reference it is stored by.
  const filters = currentCase ? { ...options.filters, caseRef: currentCase.ref } : options.filters;
  const partitions = await partitionsFor(tenant, viewer, filters, currentCase);
  let position: Cursor | undefined = decodeCursor(options.cursor, tenant.keys.root) ?? { part: 0 };
  const found: Audit[] = [];
  const keep = (audit: Audit) =>
    canSeeAudit(viewer, audit, currentCase) && (filters.team === undefined || audit.teamId === filters.team) && (filters.state === undefined || audit.state === filters.state) && (filters.month === undefined || audit.month === filters.month);
  for (let queries = 0; position && (position.part ?? 0) < partitions.length && found.length < options.limit && queries < MAX_QUERIES; queries++) {
    const part: number = position.part ?? 0;
    const p: AuditPartition = partitions[part]!;
    const pk = `${p.index}PK`;
    const sk = `${p.index}SK`;
    requireCursorIn(position.key, { partitionKey: pk, partitionValue: p.partitionValue, keyNames: [pk, sk, 'PK', 'SK'], sortKey: p.sortPrefix ? { name: sk, prefix: p.sortPrefix } : undefined });
    const result: QueryCommandOutput = await tenant.db.send(
      new QueryCommand({
        TableName: tenant.tableName,
        IndexName: p.index,
        KeyConditionExpression: p.sortPrefix ? '#pk = :pk AND begins_with(#sk, :prefix)' : '#pk = :pk',
        ExpressionAttributeNames: { '#pk': pk, ...(p.sortPrefix ? { '#sk': sk } : {}) },
        ExpressionAttributeValues: { ':pk': p.partitionValue, ...(p.sortPrefix ? { ':prefix': p.sortPrefix } : {}) },
        ScanIndexForward: !p.newestFirst,
        Limit: options.limit - found.length,
        ExclusiveStartKey: position.key,
      }),
    );
    const items = result.Items ?? [];
    const audits =
      p.holds === 'audits'
        ? items.map((item) => withoutKeys<Audit>(item))
        : await getAudits(
            tenant,
            items.map((item) => withoutKeys<Participant>(item).auditId),
          );
    found.push(...audits.filter(keep));
    position = result.LastEvaluatedKey ? { part, key: result.LastEvaluatedKey as Record<string, string> } : part + 1 < partitions.length ? { part: part + 1 } : undefined;
  }
  return { items: found.map(summaryOf), nextCursor: encodeCursor(position), people: await peopleNamedBy(tenant, found) };
}
