/**
 * Slim reads of the audits a programme needs: a month's audits (the month's index
 * partition, whole or one team's prefix at a time) and a team's outstanding audits over a
 * range of months (the team's partition, by month). Only the fields the programme,
 * moderation suggestions and reminders use are fetched, never the answers.
 *
 * A thematic review's audits share the month's partition (their month is when the review's
 * cases are due) but are not part of the monthly programme: the review tracks them, so the
 * programme and its reminders leave out every audit that names a review.
 */
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Audit } from '@waypoint/shared/audits/audit-schemas';
import type { TenantContext } from '../platform/auth/caller.ts';

export type SlimAudit = Pick<Audit, 'id' | 'caseRef' | 'teamId' | 'caseType' | 'month' | 'state' | 'auditorId' | 'caseHolderId' | 'overallGrade' | 'completedAt' | 'reauditOf' | 'sampledFor' | 'meetingDate' | 'meetingTime'>;

const FIELDS = ['id', 'caseRef', 'teamId', 'caseType', 'month', 'state', 'auditorId', 'caseHolderId', 'overallGrade', 'completedAt', 'reauditOf', 'sampledFor', 'meetingDate', 'meetingTime'] as const;
const PROJECTION = {
  ProjectionExpression: FIELDS.map((_, i) => `#f${i}`).join(', '),
  names: Object.fromEntries(FIELDS.map((f, i) => [`#f${i}`, f])),
};

async function queryAll(tenant: TenantContext, input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey' | 'ProjectionExpression'>): Promise<SlimAudit[]> {
  const found: SlimAudit[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const result = await tenant.db.send(
      new QueryCommand({
        ...input,
        TableName: tenant.tableName,
        ProjectionExpression: PROJECTION.ProjectionExpression,
        ExpressionAttributeNames: { ...PROJECTION.names, ...input.ExpressionAttributeNames },
        ExclusiveStartKey: start,
      }),
    );
    found.push(...((result.Items ?? []) as SlimAudit[]));
    start = result.LastEvaluatedKey;
  } while (start);
  return found;
}

const NOT_A_REVIEW = 'attribute_not_exists(#reviewId)';

/**
 * The month's audits: every team's when `teamIds` is absent, else just those teams'. With
 * `programmeOnly`, the monthly programme's alone (no thematic review's).
 */
export async function listMonthAudits(tenant: TenantContext, month: string, teamIds?: readonly string[], options: { programmeOnly?: boolean } = {}): Promise<SlimAudit[]> {
  const prefixes = teamIds === undefined ? [tenant.keys.auditsByMonth(month)] : teamIds.map((t) => tenant.keys.auditsByMonth(month, t));
  const found: SlimAudit[] = [];
  for (const key of prefixes) {
    found.push(
      ...(await queryAll(tenant, {
        IndexName: 'GSI1',
        KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
        ...(options.programmeOnly ? { FilterExpression: NOT_A_REVIEW } : {}),
        ExpressionAttributeNames: { '#pk': 'GSI1PK', '#sk': 'GSI1SK', ...(options.programmeOnly ? { '#reviewId': 'reviewId' } : {}) },
        ExpressionAttributeValues: { ':pk': key.GSI1PK, ':prefix': key.GSI1SK },
      })),
    );
  }
  return found;
}

/** A team's programme audits (no thematic review's) still planned or in progress in months `from` to `to` (inclusive). */
export async function listOutstandingTeamAudits(tenant: TenantContext, teamId: string, from: string, to: string): Promise<SlimAudit[]> {
  const key = tenant.keys.auditsByTeam(teamId);
  return queryAll(tenant, {
    IndexName: 'GSI2',
    // Sort keys are `<month>#AUDIT#<id>`: `~` sorts after `#`, so the range takes all of month `to`.
    KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
    FilterExpression: `#state IN (:planned, :inProgress) AND ${NOT_A_REVIEW}`,
    ExpressionAttributeNames: { '#pk': 'GSI2PK', '#sk': 'GSI2SK', '#state': 'state', '#reviewId': 'reviewId' },
    ExpressionAttributeValues: { ':pk': key.GSI2PK, ':from': `${from}#`, ':to': `${to}#~`, ':planned': 'planned', ':inProgress': 'in-progress' },
  });
}
