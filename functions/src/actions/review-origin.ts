/**
 * An action raised from a thematic review's recommendation. Like one from shadowing it is
 * about the service, never a case: the review's lead names the team it is for, while the
 * review is under way or signed off, and the review then tracks it.
 */
import type { ActionSource } from '@waypoint/shared/actions/action-schemas';
import type { StaffCaller, TenantContext } from '../platform/auth/caller.ts';
import type { FieldError } from '../platform/http/api-error.ts';
import { findVisibleReview, requireReviewMove } from '../reviews/review-access.ts';
import { getTeam } from '../teams/team-store.ts';
import type { ActionOrigin } from './action-origin.ts';

type ReviewSource = Extract<ActionSource, { type: 'review' }>;

export async function reviewOrigin(options: { tenant: TenantContext; staff: StaffCaller; source: ReviewSource; requestedTeam: string | undefined }): Promise<ActionOrigin> {
  const { tenant, staff, source, requestedTeam } = options;
  const { review } = await findVisibleReview(tenant, staff, source.reviewId);
  const errors: FieldError[] = [];
  if (!review.recommendations.some((r) => r.id === source.recommendationId)) errors.push({ path: 'source.recommendationId', message: 'No such recommendation in the review' });
  if (requestedTeam === undefined) errors.push({ path: 'teamId', message: 'Choose the team the action is for' });
  else if (!(await getTeam(tenant, requestedTeam))) errors.push({ path: 'teamId', message: 'No such team' });
  if (errors.length === 0) requireReviewMove(review, staff, 'raise-action');
  return { teamId: errors.length ? undefined : requestedTeam, errors };
}
