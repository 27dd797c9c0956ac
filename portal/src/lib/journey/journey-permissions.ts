/** Who records events on a child's journey, as the API allows: case editors in scope, and the case holder. */
import { CASE_EDITORS, isStaffRole, type Role } from '@waypoint/shared/tenancy/roles';

export function canRecordJourney(viewer: { role: Role; userId: string }, caseRecord: { holderId?: string | null }): boolean {
  if (!isStaffRole(viewer.role)) return false;
  return CASE_EDITORS.includes(viewer.role) || (!!caseRecord.holderId && caseRecord.holderId === viewer.userId);
}
