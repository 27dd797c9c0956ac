/**
 * Who sees a thematic review and what they may do. QA officers and senior managers see every
 * review; its reviewers see it with their own cases; once published, every member of staff
 * reads it. To anyone else, in this authority or another, it does not exist (404). The lead
 * runs it; a senior manager signs it off.
 */
import { isOverdue } from '@waypoint/shared/actions/action-lifecycle';
import type { Action } from '@waypoint/shared/actions/action-schemas';
import { PUBLISHED_REVIEW_READERS, REVIEW_LEADS, REVIEW_SIGNERS } from '@waypoint/shared/reviews/review-roles';
import { drawCohort } from '@waypoint/shared/reviews/cohort-criteria';
import type { Review, ReviewActionSummary, ReviewCaseAudit, ReviewMove, ReviewView } from '@waypoint/shared/reviews/review-schemas';
import { getAction } from '../actions/action-store.ts';
import { today } from '../audits/audit-checks.ts';
import { getAudits } from '../audits/audit-store.ts';
import type { StaffCaller, TenantContext } from '../platform/auth/caller.ts';
import { ApiError, forbidden, notFound } from '../platform/http/api-error.ts';
import { listTeams } from '../teams/team-store.ts';
import { getUserNames } from '../users/user-store.ts';
import { getReviewPartition, type ReviewPartition } from './review-store.ts';

export interface Standing {
  lead: boolean;
  /** Leads, signs off or oversees reviews: sees every case and the report before publication. */
  oversees: boolean;
  reviewer: boolean;
}

export function standingIn(review: Review, staff: StaffCaller): Standing {
  const lead = review.leadId === staff.userId;
  const reviewer = review.reviewerIds.includes(staff.userId) || (review.cohort?.cases ?? []).some((c) => c.reviewerId === staff.userId);
  return { lead, oversees: lead || REVIEW_LEADS.includes(staff.role), reviewer };
}

export function canSeeReview(review: Review, staff: StaffCaller): boolean {
  if (staff.role === 'admin') return false;
  const standing = standingIn(review, staff);
  return standing.oversees || standing.reviewer || (review.state === 'published' && PUBLISHED_REVIEW_READERS.includes(staff.role));
}

export async function findVisibleReview(tenant: TenantContext, staff: StaffCaller, id: string): Promise<ReviewPartition> {
  const found = staff.role === 'admin' ? undefined : await getReviewPartition(tenant, id);
  if (!found || !canSeeReview(found.review, staff)) throw notFound('review');
  return found;
}

export function movesFor(review: Review, staff: StaffCaller): ReviewMove[] {
  const { lead } = standingIn(review, staff);
  const moves: ReviewMove[] = [];
  if (lead && (review.state === 'draft' || review.state === 'under-way')) moves.push('edit');
  if (lead && review.state === 'draft') moves.push('choose-cohort');
  if (lead && review.state === 'draft' && (review.cohort?.cases.length ?? 0) > 0 && review.reviewerIds.length > 0) moves.push('start');
  if (lead && review.state === 'under-way') moves.push('write-findings', 'recommend');
  if (lead && (review.state === 'under-way' || review.state === 'signed-off') && review.recommendations.length > 0) moves.push('raise-action');
  if (REVIEW_SIGNERS.includes(staff.role) && review.state === 'under-way' && review.findings) moves.push('sign-off');
  if ((lead || REVIEW_SIGNERS.includes(staff.role)) && review.state === 'signed-off') moves.push('publish');
  return moves;
}

const WHY_NOT: Record<ReviewMove, string> = {
  edit: 'Only the lead changes the review, and not once it is signed off',
  'choose-cohort': 'Only the lead chooses the cohort, before the review starts',
  start: 'Only the lead starts the review, once it has a cohort and at least one reviewer',
  'write-findings': 'Only the lead writes findings, while the cases are being reviewed',
  recommend: 'Only the lead writes recommendations, while the cases are being reviewed',
  'raise-action': 'Only the lead raises actions from a recommendation, before the review is published',
  'sign-off': 'A senior manager signs the review off once the lead has written the findings',
  publish: 'The lead or a senior manager publishes the review once it is signed off',
};

/** 403 when the caller could never make the move, 409 when it cannot be made now. */
export function requireReviewMove(review: Review, staff: StaffCaller, move: ReviewMove): void {
  if (movesFor(review, staff).includes(move)) return;
  const { lead } = standingIn(review, staff);
  const theirs = move === 'sign-off' ? REVIEW_SIGNERS.includes(staff.role) : move === 'publish' ? lead || REVIEW_SIGNERS.includes(staff.role) : lead;
  if (!theirs) throw forbidden(WHY_NOT[move]);
  throw new ApiError('conflict', WHY_NOT[move]);
}

export function actionSummary(action: Action, recommendationId: string, on: string): ReviewActionSummary {
  return { id: action.id, recommendationId, description: action.description, ownerId: action.ownerId, teamId: action.teamId, dueDate: action.dueDate, state: action.state, overdue: isOverdue(action, on) };
}

export async function reviewActions(tenant: TenantContext, found: ReviewPartition): Promise<ReviewActionSummary[]> {
  const on = today();
  const actions = await Promise.all(found.actionPointers.map(async (p) => ({ p, action: await getAction(tenant, p.actionId) })));
  return actions.flatMap(({ p, action }) => (action ? [actionSummary(action, p.recommendationId, on)] : [])).sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
}

/** The cohort's cases with where each review audit stands (at most `MAX_COHORT`, one BatchGet). */
export async function reviewCases(tenant: TenantContext, review: Review): Promise<ReviewCaseAudit[]> {
  const cases = review.cohort?.cases ?? [];
  const audits = new Map(
    (
      await getAudits(
        tenant,
        cases.flatMap((c) => (c.auditId ? [c.auditId] : [])),
      )
    ).map((a) => [a.id, a]),
  );
  return cases.map((c) => {
    const audit = c.auditId ? audits.get(c.auditId) : undefined;
    return { ...c, ...(audit ? { state: audit.state, ...(audit.overallGrade ? { overallGrade: audit.overallGrade } : {}) } : {}) };
  });
}

export async function teamNames(tenant: TenantContext): Promise<Record<string, string>> {
  return Object.fromEntries((await listTeams(tenant)).map((t) => [t.id, t.name]));
}

/** The review as the caller reads it: a reviewer who does not oversee it sees only their own cases and no one else's names. */
export async function reviewView(tenant: TenantContext, staff: StaffCaller, found: ReviewPartition): Promise<ReviewView> {
  const { review } = found;
  const standing = standingIn(review, staff);
  const [allCases, actions, teams] = await Promise.all([reviewCases(tenant, review), reviewActions(tenant, found), teamNames(tenant)]);
  const cases = standing.oversees ? allCases : allCases.filter((c) => c.reviewerId === staff.userId);
  const cohort = review.cohort;
  const replays =
    cohort?.method === 'criteria' && cohort.seed !== undefined
      ? sameCases(
          drawCohort({ seed: cohort.seed, size: cohort.size ?? 0, quotas: cohort.quotas, eligible: found.eligible }).picked,
          cohort.cases.map((c) => c.caseRef),
        )
      : undefined;
  const named = [review.leadId, review.createdById, ...review.reviewerIds, ...cases.flatMap((c) => (c.reviewerId ? [c.reviewerId] : [])), review.signOff?.byId, review.publishedById, ...actions.map((a) => a.ownerId)];
  const people = Object.fromEntries(
    await getUserNames(
      tenant,
      named.filter((id): id is string => id !== undefined),
    ),
  );
  const shown = standing.oversees ? review : { ...review, ...(cohort ? { cohort: { ...cohort, cases: cohort.cases.filter((c) => c.reviewerId === staff.userId) } } : {}) };
  return { ...shown, ...(replays === undefined || !standing.oversees ? {} : { replays }), cases, actions, moves: movesFor(review, staff), oversees: standing.oversees, people, teams };
}

function sameCases(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((ref, i) => ref === b[i]);
}
