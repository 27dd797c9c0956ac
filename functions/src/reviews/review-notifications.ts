/**
 * The emails a thematic review sends, through the outbox with deterministic reasons: each
 * reviewer is invited once when the review starts (saying how many cases and by when), and
 * the lead and reviewers hear when it is published. They name no case.
 */
import { formatDate } from '@waypoint/shared/formatting/dates';
import { countOf } from '@waypoint/shared/formatting/plurals';
import type { Review } from '@waypoint/shared/reviews/review-schemas';
import type { TenantContext } from '../platform/auth/caller.ts';
import { queueEmail } from '../platform/outbox/outbox.ts';
import { portalLink } from '../platform/outbox/portal-links.ts';
import { getUser } from '../users/user-store.ts';

const link = (tenant: TenantContext, review: Pick<Review, 'id'>) => `Open it in Waypoint: ${portalLink(tenant, `/reviews/${review.id}`)}`;

async function send(options: { tenant: TenantContext; userId: string; reason: string; subject: string; text: (name: string) => string; at: string }): Promise<void> {
  const person = await getUser(options.tenant, options.userId);
  if (!person?.active) return;
  await queueEmail({ tenant: options.tenant, reason: options.reason, to: person.email, subject: options.subject, text: options.text(person.name), at: options.at });
}

export async function notifyReviewersInvited(tenant: TenantContext, review: Review, leadName: string, at: string): Promise<void> {
  const cases = review.cohort?.cases ?? [];
  for (const reviewerId of review.reviewerIds) {
    const theirs = cases.filter((c) => c.reviewerId === reviewerId).length;
    if (theirs === 0) continue;
    await send({
      tenant,
      userId: reviewerId,
      reason: `review-invited:${review.id}:${reviewerId}`,
      subject: `You are invited to review cases for “${review.title}”`,
      text: (name) =>
        `Hello ${name},\n\n${leadName} has invited you to take part in a thematic review: ${review.question}\n\nYou have ${countOf(theirs, 'case')} to review by ${formatDate(review.casesDueBy)}.${review.withCaseHolder ? ' Go through each case with the person who holds it.' : ''}\n\n${link(tenant, review)}\n`,
      at,
    });
  }
}

export async function notifyReviewPublished(tenant: TenantContext, review: Review, at: string): Promise<void> {
  for (const userId of new Set([review.leadId, ...review.reviewerIds])) {
    await send({
      tenant,
      userId,
      reason: `review-published:${review.id}:${userId}`,
      subject: `The thematic review “${review.title}” is published`,
      text: (name) => `Hello ${name},\n\nThe thematic review you took part in has been signed off and published to staff, with its findings and recommendations.\n\n${link(tenant, review)}\n`,
      at,
    });
  }
}
