/** Who sees the service dashboard: QA officers and senior managers, as the API allows. */
import { isStaffRole, type Role } from '@waypoint/shared/tenancy/roles';

export function canReadServiceDashboard(role: Role): boolean {
  return isStaffRole(role) && (role === 'qa' || role === 'senior');
}
