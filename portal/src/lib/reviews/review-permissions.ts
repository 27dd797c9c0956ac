/** Which review pages each role may open, so the menu and links offer only what will work. */
import { PUBLISHED_REVIEW_READERS, REVIEW_LEADS } from '@waypoint/shared/reviews/review-roles';
import { isStaffRole, type Role } from '@waypoint/shared/tenancy/roles';

/** Everyone but tenant admins may be a reviewer or read a published review. */
export function canReadReviews(role: Role): boolean {
  return isStaffRole(role) && PUBLISHED_REVIEW_READERS.includes(role);
}

export function canSetUpReviews(role: Role): boolean {
  return isStaffRole(role) && REVIEW_LEADS.includes(role);
}
