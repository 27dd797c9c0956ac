/**
 * A review's cohort and start. The lead draws the cohort by criteria (a fresh random seed,
 * kept with the matching cases so the draw replays, as the monthly sample is) or picks cases
 * by hand with a reason each; either may be done again until the review starts. A cohort no
 * case matches is a 400 that says so, never an empty review. Starting shares the cases out
 * among the reviewers and plans an audit of each.
 */
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { drawCohort } from '@waypoint/shared/reviews/cohort-criteria';
import { CohortBody, EmptyBody, ReviewId, type Cohort, type CohortCase, type Review } from '@waypoint/shared/reviews/review-schemas';
import { clock } from '@waypoint/shared/time/clock';
import type { AppEnv } from '../api/app-env.ts';
import { findCase, refuseWhileMoving } from '../cases/case-store.ts';
import { recordActivity } from '../platform/activity/activity-log.ts';
import { ApiError, type FieldError } from '../platform/http/api-error.ts';
import { readJsonBody, readParam } from '../platform/http/validation.ts';
import { requireIfMatch, setEtag } from '../platform/http/versioning.ts';
import { getUser } from '../users/user-store.ts';
import { findVisibleReview, requireReviewMove, reviewView, standingIn } from './review-access.ts';
import { planReviewAudits, shareOut } from './review-audits.ts';
import { matchingCases } from './cohort-candidates.ts';
import { notifyReviewersInvited } from './review-notifications.ts';
import { getReviewPartition, putCohortCandidates, updateReview } from './review-store.ts';

export const reviewCohortRoutes = new Hono<AppEnv>();

function requireVersion(review: Review, expected: number): void {
  if (expected !== review.version) throw new ApiError('precondition-failed', `The review was changed by someone else (now version ${review.version}); read it again and reapply your change`);
}

async function answer(c: Context<AppEnv>, reviewId: string, version: number) {
  const found = await getReviewPartition(c.var.tenant, reviewId);
  if (!found) throw new Error(`Review ${reviewId} vanished`);
  setEtag(c, version);
  return c.json(await reviewView(c.var.tenant, c.var.staff, found));
}

reviewCohortRoutes.post('/:id/cohort', async (c) => {
  const { tenant, staff } = c.var;
  const { review } = await findVisibleReview(tenant, staff, readParam(c, 'id', ReviewId));
  const expected = requireIfMatch(c);
  const body = await readJsonBody(c, CohortBody);
  requireVersion(review, expected);
  requireReviewMove(review, staff, 'choose-cohort');
  const at = clock.nowIso();
  let cohort: Cohort;
  if (body.method === 'criteria') {
    const matching = await matchingCases(tenant, body.criteria);
    if (matching.length === 0) throw new ApiError('validation', 'No case matches these criteria', { errors: [{ path: 'criteria', message: 'No case matches these criteria: widen them, or pick cases by hand' }] });
    const seed = randomUUID();
    const draw = drawCohort({ seed, size: body.size, quotas: body.quotas, eligible: matching });
    const byRef = new Map(matching.map((m) => [m.ref, m]));
    // The matching cases first, so the seed saved with the cohort always has what it was drawn from.
    await putCohortCandidates(
      tenant,
      review.id,
      matching.map((m) => ({ ref: m.ref, teamId: m.teamId })),
    );
    cohort = {
      method: 'criteria',
      criteria: body.criteria,
      size: body.size,
      ...(body.quotas ? { quotas: body.quotas } : {}),
      seed,
      eligible: draw.eligible,
      shortfalls: draw.shortfalls,
      cases: draw.picked.map((ref) => ({ caseRef: ref, teamId: byRef.get(ref)!.teamId, caseType: byRef.get(ref)!.caseType })),
      drawnAt: at,
      drawnById: staff.userId,
    };
  } else {
    const errors: FieldError[] = [];
    const found = await Promise.all(body.cases.map((p) => findCase(tenant, p.caseRef)));
    const cases: CohortCase[] = [];
    body.cases.forEach((p, i) => {
      const c = found[i];
      if (!c) errors.push({ path: `cases.${i}.caseRef`, message: 'No such case' });
      else cases.push({ caseRef: c.ref, teamId: c.teamId, caseType: c.caseType, reason: p.reason });
    });
    if (new Set(cases.map((x) => x.caseRef)).size !== cases.length) errors.push({ path: 'cases', message: 'Pick each case once' });
    if (errors.length) throw new ApiError('validation', `The cohort has ${errors.length} problem${errors.length === 1 ? '' : 's'}`, { errors });
    found.forEach(refuseWhileMoving);
    cohort = { method: 'hand', cases, drawnAt: at, drawnById: staff.userId };
  }
  const { before, after } = await updateReview({ tenant, current: review, expectedVersion: expected, changes: { cohort }, at });
  await recordActivity({ tenant, actor: staff, action: 'updated', entity: 'review', entityId: review.id, versionBefore: before.version, versionAfter: after.version, at, changes: ['cohort'] });
  return answer(c, review.id, after.version);
});

reviewCohortRoutes.post('/:id/start', async (c) => {
  const { tenant, staff } = c.var;
  const { review } = await findVisibleReview(tenant, staff, readParam(c, 'id', ReviewId));
  const expected = requireIfMatch(c);
  await readJsonBody(c, EmptyBody);
  requireVersion(review, expected);
  const at = clock.nowIso();
  // Started already: the lead asking again plans whatever an interrupted start left unplanned.
  if (review.state === 'under-way' && standingIn(review, staff).lead) {
    await planReviewAudits(tenant, review, staff.userId, at);
    return answer(c, review.id, review.version);
  }
  requireReviewMove(review, staff, 'start');
  const cases = shareOut(review.cohort!.cases, review.reviewerIds, review.id);
  const { before, after } = await updateReview({ tenant, current: review, expectedVersion: expected, changes: { state: 'under-way', startedAt: at, cohort: { ...review.cohort!, cases } }, at });
  await recordActivity({ tenant, actor: staff, action: 'updated', entity: 'review', entityId: review.id, versionBefore: before.version, versionAfter: after.version, at, changes: ['cohort', 'startedAt', 'state'] });
  await planReviewAudits(tenant, after, staff.userId, at);
  await notifyReviewersInvited(tenant, after, (await getUser(tenant, staff.userId))?.name ?? 'The review’s lead', at);
  return answer(c, review.id, after.version);
});
