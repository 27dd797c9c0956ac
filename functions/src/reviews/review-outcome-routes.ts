/**
 * What a review comes to: the lead's recommendations (each can then raise actions through
 * `POST /v1/actions`, which the review tracks), a senior manager's sign-off once findings are
 * written, and publication to staff by the lead or a senior manager. Each needs If-Match.
 */
import { Hono, type Context } from 'hono';
import { ulid } from 'ulid';
import type * as v from 'valibot';
import { EmptyBody, RecommendationBody, ReviewId, SignOffBody, type Review, type ReviewMove } from '@waypoint/shared/reviews/review-schemas';
import { clock } from '@waypoint/shared/time/clock';
import type { AppEnv } from '../api/app-env.ts';
import { recordActivity } from '../platform/activity/activity-log.ts';
import { ApiError } from '../platform/http/api-error.ts';
import { readJsonBody, readParam } from '../platform/http/validation.ts';
import { requireIfMatch, setEtag } from '../platform/http/versioning.ts';
import { findVisibleReview, requireReviewMove, reviewView } from './review-access.ts';
import { notifyReviewPublished } from './review-notifications.ts';
import { getReviewPartition, updateReview } from './review-store.ts';

export const reviewOutcomeRoutes = new Hono<AppEnv>();

/** Checked in the order every step uses: may see it (404), If-Match (428), body (400), version (412), whose move (403), now (409). */
async function step<T>(c: Context<AppEnv>, move: ReviewMove, schema: v.GenericSchema<unknown, T>, changesFor: (review: Review, body: T, at: string) => Partial<Record<keyof Review, unknown>>) {
  const { tenant, staff } = c.var;
  const { review } = await findVisibleReview(tenant, staff, readParam(c, 'id', ReviewId));
  const expected = requireIfMatch(c);
  const body = await readJsonBody(c, schema);
  if (expected !== review.version) throw new ApiError('precondition-failed', `The review was changed by someone else (now version ${review.version}); read it again and reapply your change`);
  requireReviewMove(review, staff, move);
  const at = clock.nowIso();
  const changes = changesFor(review, body, at);
  const { before, after } = await updateReview({ tenant, current: review, expectedVersion: expected, changes, at });
  await recordActivity({ tenant, actor: staff, action: 'updated', entity: 'review', entityId: review.id, versionBefore: before.version, versionAfter: after.version, at, changes: Object.keys(changes).sort() });
  return { after, at };
}

async function answer(c: Context<AppEnv>, after: Review) {
  const found = await getReviewPartition(c.var.tenant, after.id);
  setEtag(c, after.version);
  return c.json(await reviewView(c.var.tenant, c.var.staff, found ?? { review: after, eligible: [], actionPointers: [] }));
}

reviewOutcomeRoutes.post('/:id/recommendations', async (c) => {
  const { after } = await step(c, 'recommend', RecommendationBody, (review, body, at) => ({ recommendations: [...review.recommendations, { id: ulid(clock.now().getTime()), text: body.text, writtenAt: at }] }));
  return answer(c, after);
});

reviewOutcomeRoutes.post('/:id/sign-off', async (c) => {
  const { after } = await step(c, 'sign-off', SignOffBody, (_review, body, at) => ({ state: 'signed-off', signOff: { byId: c.var.staff.userId, at, ...(body.note ? { note: body.note } : {}) } }));
  return answer(c, after);
});

reviewOutcomeRoutes.post('/:id/publish', async (c) => {
  const { after, at } = await step(c, 'publish', EmptyBody, (_review, _body, now) => ({ state: 'published', publishedAt: now, publishedById: c.var.staff.userId }));
  await notifyReviewPublished(c.var.tenant, after, at);
  return answer(c, after);
});
