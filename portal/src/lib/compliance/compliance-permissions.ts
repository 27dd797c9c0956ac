/** Who uses records compliance pages: QA officers and senior managers, as the API allows. */
import { COMPLIANCE_ROLES } from '@waypoint/shared/compliance/compliance-roles';
import { isStaffRole, type Role } from '@waypoint/shared/tenancy/roles';

export function canUseCompliance(role: Role): boolean {
  return isStaffRole(role) && COMPLIANCE_ROLES.includes(role);
}
