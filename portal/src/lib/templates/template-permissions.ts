/** Who may copy templates and publish new versions: QA officers and tenant admins, as the API allows. */
import type { Role } from '@waypoint/shared/tenancy/roles';

export function canEditTemplates(role: Role): boolean {
  return role === 'qa' || role === 'admin';
}
