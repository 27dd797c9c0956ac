/**
 * The cases a review's criteria are judged on: every case of the teams asked for (or of the
 * authority), read from the cases index with only the fields criteria use, and, only for the
 * cases still in the running when a criterion needs it, the journey (a journey event repeated,
 * or when a closed case closed), eight at a time.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Case } from '@waypoint/shared/cases/case-schemas';
import { cohortMismatch, type CohortCandidate, type CohortCriteria, type EligibleCase } from '@waypoint/shared/reviews/cohort-criteria';
import { londonDate } from '@waypoint/shared/time/calendar-dates';
import type { TenantContext } from '../platform/auth/caller.ts';
import { getJourney } from '../journey/journey-store.ts';

const PARALLEL = 8;
const FIELDS = ['ref', 'teamId', 'caseType', 'status', 'ageBand', 'gender', 'ethnicity', 'disability', 'createdAt'] as const;
type CaseFields = Pick<Case, (typeof FIELDS)[number]>;

async function casesOf(tenant: TenantContext, teamId: string | undefined): Promise<CaseFields[]> {
  const key = tenant.keys.casesByTeam(teamId);
  const names = Object.fromEntries(FIELDS.map((f, i) => [`#f${i}`, f]));
  const found: CaseFields[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const result = await tenant.db.send(
      new QueryCommand({
        TableName: tenant.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :prefix)',
        ExpressionAttributeValues: { ':pk': key.GSI1PK, ':prefix': key.GSI1SK },
        ProjectionExpression: Object.keys(names).join(', '),
        ExpressionAttributeNames: names,
        ExclusiveStartKey: start,
      }),
    );
    found.push(...((result.Items ?? []) as CaseFields[]));
    start = result.LastEvaluatedKey;
  } while (start);
  return found;
}

function asCandidate(c: CaseFields): CohortCandidate {
  return {
    ref: c.ref,
    teamId: c.teamId,
    caseType: c.caseType,
    status: c.status,
    ...(c.ageBand ? { ageBand: c.ageBand } : {}),
    ...(c.gender ? { gender: c.gender } : {}),
    ...(c.ethnicity ? { ethnicity: c.ethnicity } : {}),
    ...(c.disability ? { disability: c.disability } : {}),
    recordedOn: londonDate(new Date(c.createdAt)),
    eventDates: [],
  };
}

/** Whether judging this case needs its journey. */
function needsJourney(c: CohortCandidate, criteria: CohortCriteria): boolean {
  return criteria.journeyEvent !== undefined || (c.status === 'closed' && criteria.openFrom !== undefined);
}

async function withJourney(tenant: TenantContext, c: CohortCandidate, criteria: CohortCriteria): Promise<CohortCandidate> {
  const journey = await getJourney(tenant, c.ref);
  const events = journey?.events ?? [];
  const closures = events
    .filter((e) => e.type === 'closure')
    .map((e) => e.date)
    .sort();
  return {
    ...c,
    ...(closures.length ? { closedOn: closures[closures.length - 1] } : {}),
    eventDates: criteria.journeyEvent ? events.filter((e) => e.type === criteria.journeyEvent!.type).map((e) => e.date) : [],
  };
}

/** The cases matching every criterion, in reference order. */
export async function matchingCases(tenant: TenantContext, criteria: CohortCriteria): Promise<(EligibleCase & Pick<CohortCandidate, 'caseType'>)[]> {
  const teams = criteria.teamIds && criteria.teamIds.length > 0 ? criteria.teamIds : [undefined];
  const cases = (await Promise.all(teams.map((t) => casesOf(tenant, t)))).flat().map(asCandidate);
  // Everything but the journey first: the journey criteria are judged only on cases still in the running.
  const withoutJourney: CohortCriteria = { ...criteria, journeyEvent: undefined, openFrom: undefined };
  const running = cases.filter((c) => cohortMismatch(c, withoutJourney) === null);
  const judged: CohortCandidate[] = [];
  for (let i = 0; i < running.length; i += PARALLEL) {
    const batch = running.slice(i, i + PARALLEL);
    judged.push(...(await Promise.all(batch.map((c) => (needsJourney(c, criteria) ? withJourney(tenant, c, criteria) : c)))));
  }
  return judged
    .filter((c) => cohortMismatch(c, criteria) === null)
    .map((c) => ({ ref: c.ref, teamId: c.teamId, caseType: c.caseType }))
    .sort((a, b) => a.ref.localeCompare(b.ref));
}
