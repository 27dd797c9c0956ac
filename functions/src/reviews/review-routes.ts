/**
 * `/v1/reviews`: thematic reviews. QA officers and senior managers set one up (question,
 * scope, lead, review template, reviewers, the day cases are due by); the lead changes it
 * with If-Match. The cohort and start are in `review-cohort-routes.ts`, recommendations,
 * sign-off and publication in `review-outcome-routes.ts`, the report in `review-report-routes.ts`.
 */
import { Hono } from 'hono';
import { ulid } from 'ulid';
import { CreateReviewBody, ListReviewsQuery, ReviewId, UpdateReviewBody, type Review, type ReviewList } from '@waypoint/shared/reviews/review-schemas';
import { REVIEW_LEADS } from '@waypoint/shared/reviews/review-roles';
import { clock } from '@waypoint/shared/time/clock';
import type { AppEnv } from '../api/app-env.ts';
import { recordActivity } from '../platform/activity/activity-log.ts';
import { requireRole } from '../platform/auth/caller.ts';
import { changedFields } from '../platform/database/versioned-items.ts';
import { ApiError, forbidden, type FieldError } from '../platform/http/api-error.ts';
import { readJsonBody, readParam, readQuery } from '../platform/http/validation.ts';
import { requireIfMatch, setEtag } from '../platform/http/versioning.ts';
import { getUserNames } from '../users/user-store.ts';
import { canSeeReview, findVisibleReview, requireReviewMove, reviewView } from './review-access.ts';
import { checkDueBy, checkPeople, reviewTemplate, throwIfAny } from './review-checks.ts';
import { reviewCohortRoutes } from './review-cohort-routes.ts';
import { reviewOutcomeRoutes } from './review-outcome-routes.ts';
import { reviewReportRoutes } from './review-report-routes.ts';
import { getReviewPartition, listReviews, putNewReview, updateReview } from './review-store.ts';

export const reviewRoutes = new Hono<AppEnv>();

reviewRoutes.post('/', async (c) => {
  const { tenant, staff } = c.var;
  requireRole(staff, REVIEW_LEADS);
  const body = await readJsonBody(c, CreateReviewBody);
  const errors: FieldError[] = [];
  const template = await reviewTemplate(tenant, body.templateId, errors);
  await checkPeople(tenant, body, errors);
  checkDueBy(body.casesDueBy, errors);
  throwIfAny(errors);
  const at = clock.nowIso();
  const review: Review = {
    id: ulid(clock.now().getTime()),
    title: body.title,
    question: body.question,
    scope: body.scope,
    leadId: body.leadId ?? staff.userId,
    createdById: staff.userId,
    templateId: template!.templateId,
    templateVersion: template!.version,
    templateName: template!.name,
    casesDueBy: body.casesDueBy,
    withCaseHolder: body.withCaseHolder,
    reviewerIds: body.reviewerIds,
    state: 'draft',
    themes: [],
    recommendations: [],
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  await putNewReview(tenant, review);
  await recordActivity({ tenant, actor: staff, action: 'created', entity: 'review', entityId: review.id, versionBefore: null, versionAfter: 1, at, changes: Object.keys(body).sort() });
  setEtag(c, 1);
  c.header('Location', `/v1/reviews/${review.id}`);
  return c.json(await reviewView(tenant, staff, { review, eligible: [], actionPointers: [] }), 201);
});

reviewRoutes.get('/', async (c) => {
  const { tenant, staff } = c.var;
  if (staff.role === 'admin') throw forbidden('Tenant admins manage the authority’s set-up and see no case work');
  const query = readQuery(c, ListReviewsQuery);
  const found = (await listReviews(tenant)).filter((r) => canSeeReview(r, staff) && (query.state === undefined || r.state === query.state));
  const people = Object.fromEntries(await getUserNames(tenant, [...new Set(found.map((r) => r.leadId))]));
  const list: ReviewList = {
    items: found.map((r) => ({ id: r.id, title: r.title, question: r.question, leadId: r.leadId, state: r.state, casesDueBy: r.casesDueBy, createdAt: r.createdAt, ...(r.publishedAt ? { publishedAt: r.publishedAt } : {}), cases: r.cohort?.cases.length ?? 0 })),
    people,
  };
  return c.json(list);
});

reviewRoutes.get('/:id', async (c) => {
  const { tenant, staff } = c.var;
  const found = await findVisibleReview(tenant, staff, readParam(c, 'id', ReviewId));
  setEtag(c, found.review.version);
  return c.json(await reviewView(tenant, staff, found));
});

/** Set-up (template, reviewers, due day, case holders) changes only before the review starts; words, findings and themes until sign-off. */
const SET_UP: readonly (keyof typeof UpdateReviewBody.entries)[] = ['templateId', 'reviewerIds', 'casesDueBy', 'withCaseHolder'];

reviewRoutes.patch('/:id', async (c) => {
  const { tenant, staff } = c.var;
  const { review } = await findVisibleReview(tenant, staff, readParam(c, 'id', ReviewId));
  const expected = requireIfMatch(c);
  const body = await readJsonBody(c, UpdateReviewBody);
  if (expected !== review.version) throw new ApiError('precondition-failed', `The review was changed by someone else (now version ${review.version}); read it again and reapply your change`);
  requireReviewMove(review, staff, 'edit');
  const given = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) as Partial<typeof body>;
  const setUp = SET_UP.filter((field) => field in given);
  if (review.state !== 'draft' && setUp.length) throw new ApiError('conflict', `The review has started: ${setUp.join(', ')} can no longer change`);
  const errors: FieldError[] = [];
  const template = given.templateId !== undefined && given.templateId !== review.templateId ? await reviewTemplate(tenant, given.templateId, errors) : undefined;
  await checkPeople(tenant, { reviewerIds: given.reviewerIds }, errors);
  checkDueBy(given.casesDueBy, errors);
  throwIfAny(errors, 'The change');
  const at = clock.nowIso();
  const changes: Partial<Record<keyof Review, unknown>> = { ...given, ...(template ? { templateId: template.templateId, templateVersion: template.version, templateName: template.name } : {}) };
  const { before, after } = await updateReview({ tenant, current: review, expectedVersion: expected, changes, at });
  if (after.version !== before.version) {
    await recordActivity({ tenant, actor: staff, action: 'updated', entity: 'review', entityId: review.id, versionBefore: before.version, versionAfter: after.version, at, changes: changedFields(before as never, after as never) });
  }
  setEtag(c, after.version);
  const fresh = await getReviewPartition(tenant, review.id);
  return c.json(await reviewView(tenant, staff, fresh ?? { review: after, eligible: [], actionPointers: [] }));
});

reviewRoutes.route('/', reviewCohortRoutes);
reviewRoutes.route('/', reviewOutcomeRoutes);
reviewRoutes.route('/', reviewReportRoutes);
