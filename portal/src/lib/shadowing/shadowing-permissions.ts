/** Who uses which work shadowing page, so the menu and each page offer only what the API allows. */
import { SHADOWED, SHADOWERS, SHADOWING_LEARNERS } from '@waypoint/shared/shadowing/shadowing-roles';
import { isStaffRole, type Role } from '@waypoint/shared/tenancy/roles';

/** Managers book shadowing, practitioners are shadowed, leaders learn from it. */
export function canUseShadowing(role: Role): boolean {
  return isStaffRole(role) && (SHADOWERS.includes(role) || SHADOWED.includes(role) || SHADOWING_LEARNERS.includes(role));
}

export function canBookShadowing(role: Role): boolean {
  return isStaffRole(role) && SHADOWERS.includes(role);
}

/** The learning view and the list of all shadowing. */
export function canLearnFromShadowing(role: Role): boolean {
  return isStaffRole(role) && SHADOWING_LEARNERS.includes(role);
}
