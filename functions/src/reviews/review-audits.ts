/**
 * Starting a review: its cases are shared out among the reviewers in turn (in the cohort's
 * order), and each is planned as an audit of the case on the review's pinned template, for
 * its reviewer, in the month of the day cases are due by. Audit ids derive from the review
 * and the case, so starting again only plans what an interrupted start left unplanned.
 */
import { createHash } from 'node:crypto';
import type { CohortCase, Review } from '@waypoint/shared/reviews/review-schemas';
import type { TenantContext } from '../platform/auth/caller.ts';
import { getCase } from '../cases/case-store.ts';
import { planProgrammeAudit } from '../programmes/planned-audits.ts';

const PARALLEL = 8;

/** `rv-<review>-<case>`, hashed when that would be too long for an id. */
export function reviewAuditId(reviewId: string, caseRef: string): string {
  const id = `rv-${reviewId}-${caseRef}`;
  return id.length <= 64 ? id : `rv-${createHash('sha256').update(`${reviewId}#${caseRef}`).digest('hex').slice(0, 32)}`;
}

/** Each case gets the next reviewer in turn; a case already given one keeps them. */
export function shareOut(cases: readonly CohortCase[], reviewerIds: readonly string[], reviewId: string): CohortCase[] {
  return cases.map((c, i) => {
    const reviewerId = c.reviewerId ?? reviewerIds[i % reviewerIds.length]!;
    return { ...c, reviewerId, auditId: reviewAuditId(reviewId, c.caseRef) };
  });
}

export async function planReviewAudits(tenant: TenantContext, review: Review, actorId: string, at: string): Promise<void> {
  const cases = review.cohort?.cases ?? [];
  for (let i = 0; i < cases.length; i += PARALLEL) {
    await Promise.all(
      cases.slice(i, i + PARALLEL).map(async (c) => {
        const current = await getCase(tenant, c.caseRef);
        if (!current || !c.reviewerId || !c.auditId) return;
        await planProgrammeAudit({
          tenant,
          id: c.auditId,
          auditedCase: current,
          auditorId: c.reviewerId,
          month: review.casesDueBy.slice(0, 7),
          templateId: review.templateId,
          templateVersion: review.templateVersion,
          createdById: actorId,
          at,
          reviewId: review.id,
          notifyCaseHolder: review.withCaseHolder,
        });
      }),
    );
  }
}
