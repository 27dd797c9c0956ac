/** Who leads, reviews, signs off and reads thematic reviews. */
import type { StaffRole } from '../tenancy/roles.ts';

/** QA officers and senior managers set up reviews and lead them. */
export const REVIEW_LEADS: readonly StaffRole[] = ['qa', 'senior'];
/** Any member of staff who works with cases can be invited to review some (students learn by taking part in audits instead). */
export const REVIEWERS: readonly StaffRole[] = ['practitioner', 'manager', 'qa', 'senior'];
/** A senior manager signs the review off before it is published. */
export const REVIEW_SIGNERS: readonly StaffRole[] = ['senior'];
/** Once published, every member of staff reads the report (tenant admins see no case work). */
export const PUBLISHED_REVIEW_READERS: readonly StaffRole[] = ['student', 'practitioner', 'manager', 'qa', 'senior'];
