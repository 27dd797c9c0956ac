/** Thematic reviews: each with its cohort's candidates and its actions. */
import { safe, type Key } from './key-parts.ts';

/** Keys under one tenant's root (`TENANT#<uuid>`); `tenantKeys` gathers them. */
export function reviewKeys(root: string) {
  return {
    /**
     * Thematic reviews: each in its own partition with the cases its draw matched (to replay
     * it) and a pointer per action raised from a recommendation; listed for the authority on
     * GSI1 by when each was set up.
     */
    review: (reviewId: string): Key => ({ PK: `${root}#REVIEW#${safe(reviewId, 'review id')}`, SK: 'REVIEW' }),
    reviewPartition: (reviewId: string): string => `${root}#REVIEW#${safe(reviewId, 'review id')}`,
    reviewCandidates: (reviewId: string): Key => ({ PK: `${root}#REVIEW#${safe(reviewId, 'review id')}`, SK: 'COHORT-CANDIDATES' }),
    reviewAction: (reviewId: string, actionId: string): Key => ({ PK: `${root}#REVIEW#${safe(reviewId, 'review id')}`, SK: `ACTION#${safe(actionId, 'action id')}` }),
    reviewIndexEntries: (r: { id: string; createdAt: string }) => ({ GSI1PK: `${root}#REVIEWS`, GSI1SK: `${r.createdAt}#${safe(r.id, 'review id')}` }),
    reviewsOfAuthority: () => ({ GSI1PK: `${root}#REVIEWS` }),
  };
}
