/**
 * The cases a manager's sample is drawn from: every case of their teams, each with the
 * date of its last completed audit and whether an audit of it is under way. A case's
 * audits are one small query of its own index partition, so a case audited by another
 * team (before it moved) still counts.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { londonDate } from '@waypoint/shared/audits/audit-dates';
import type { Audit } from '@waypoint/shared/audits/audit-schemas';
import type { Case } from '@waypoint/shared/cases/case-schemas';
import type { SampleCandidate } from '@waypoint/shared/programme/sampling';
import type { TenantContext } from '../platform/auth/caller.ts';
import { isOutstanding } from '@waypoint/shared/programme/audit-timeliness';

/** Case-history queries in flight at once: enough to be quick, few enough to be polite to the table. */
const PARALLEL = 8;

type CaseFields = Pick<Case, 'ref' | 'teamId' | 'caseType' | 'holderId' | 'status'>;

async function teamCases(tenant: TenantContext, teamId: string): Promise<CaseFields[]> {
  const key = tenant.keys.casesByTeam(teamId);
  const found: CaseFields[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const result = await tenant.db.send(
      new QueryCommand({
        TableName: tenant.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :prefix)',
        ExpressionAttributeValues: { ':pk': key.GSI1PK, ':prefix': key.GSI1SK },
        ProjectionExpression: '#ref, teamId, caseType, holderId, #status',
        ExpressionAttributeNames: { '#ref': 'ref', '#status': 'status' },
        ExclusiveStartKey: start,
      }),
    );
    found.push(...((result.Items ?? []) as CaseFields[]));
    start = result.LastEvaluatedKey;
  } while (start);
  return found;
}

/** What a case's audit history says about sampling it. */
async function auditHistory(tenant: TenantContext, caseRef: string): Promise<Pick<SampleCandidate, 'lastAuditedOn' | 'auditUnderWay'>> {
  const key = tenant.keys.auditsByCase(caseRef);
  let lastAuditedOn: string | undefined;
  let auditUnderWay = false;
  let start: Record<string, unknown> | undefined;
  do {
    const result = await tenant.db.send(
      new QueryCommand({
        TableName: tenant.tableName,
        IndexName: 'GSI3',
        KeyConditionExpression: 'GSI3PK = :pk',
        ExpressionAttributeValues: { ':pk': key.GSI3PK },
        ProjectionExpression: '#state, completedAt',
        ExpressionAttributeNames: { '#state': 'state' },
        ExclusiveStartKey: start,
      }),
    );
    for (const audit of (result.Items ?? []) as Pick<Audit, 'state' | 'completedAt'>[]) {
      if (isOutstanding(audit.state)) auditUnderWay = true;
      if (audit.state === 'completed' && audit.completedAt) {
        const on = londonDate(new Date(audit.completedAt));
        if (!lastAuditedOn || on > lastAuditedOn) lastAuditedOn = on;
      }
    }
    start = result.LastEvaluatedKey;
  } while (start);
  return { ...(lastAuditedOn ? { lastAuditedOn } : {}), auditUnderWay };
}

export function asCandidate(c: CaseFields, history: Pick<SampleCandidate, 'lastAuditedOn' | 'auditUnderWay'>): SampleCandidate {
  return { ref: c.ref, ...(c.holderId ? { holderId: c.holderId } : {}), caseType: c.caseType, status: c.status, ...history };
}

/** Every case of the teams, as sampling candidates, in reference order. */
export async function candidatesForTeams(tenant: TenantContext, teamIds: readonly string[]): Promise<SampleCandidate[]> {
  const cases = (await Promise.all(teamIds.map((t) => teamCases(tenant, t)))).flat().sort((a, b) => a.ref.localeCompare(b.ref));
  const candidates: SampleCandidate[] = [];
  for (let i = 0; i < cases.length; i += PARALLEL) {
    const batch = cases.slice(i, i + PARALLEL);
    const histories = await Promise.all(batch.map((c) => auditHistory(tenant, c.ref)));
    batch.forEach((c, n) => candidates.push(asCandidate(c, histories[n]!)));
  }
  return candidates;
}

/** One case as a candidate now, for a swap: as fresh as the moment of the swap. */
export async function candidateFor(tenant: TenantContext, c: CaseFields): Promise<SampleCandidate> {
  return asCandidate(c, await auditHistory(tenant, c.ref));
}

/**
 * A team's cases as candidates without their audit history, for a draw that does not turn
 * on past audits (a records compliance check): closed cases are still left out by `proposeSample`.
 */
export async function teamCaseCandidates(tenant: TenantContext, teamId: string): Promise<SampleCandidate[]> {
  return (await teamCases(tenant, teamId)).sort((a, b) => a.ref.localeCompare(b.ref)).map((c) => asCandidate(c, {}));
}
