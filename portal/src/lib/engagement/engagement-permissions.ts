/**
 * What a member of staff may do with engagement and safety alerts, so pages offer only
 * what the API will allow. The API still decides; these only hide what would be refused.
 */
import { ACTIVITY_EDITORS, ACTIVITY_READERS, ALERT_HANDLERS, CODE_ISSUERS } from '@waypoint/shared/engagement/engagement-roles';
import { isStaffRole, type Role } from '@waypoint/shared/tenancy/roles';
import { ALERT_ACKNOWLEDGERS } from '@waypoint/shared/engagement/alert-schemas';

export function canReadEngagement(role: Role): boolean {
  return isStaffRole(role) && ACTIVITY_READERS.includes(role);
}

export function canEditActivities(role: Role): boolean {
  return isStaffRole(role) && ACTIVITY_EDITORS.includes(role);
}

export function canIssueCodes(role: Role): boolean {
  return isStaffRole(role) && CODE_ISSUERS.includes(role);
}

/** Practitioners give single-use codes to the families they work with; shared codes are for those who run groups and events. */
export function canIssueSharedCodes(role: Role): boolean {
  return canIssueCodes(role) && role !== 'practitioner';
}

/** Managers must keep an activity in one of their own teams; others may make it authority-wide. */
export function mustChooseOwnTeam(role: Role): boolean {
  return role === 'manager';
}

export function canHandleAlerts(role: Role): boolean {
  return isStaffRole(role) && ALERT_HANDLERS.includes(role);
}

/** Team managers and QA officers acknowledge safeguarding concerns from audits. */
export function canAcknowledgeAlerts(role: Role): boolean {
  return isStaffRole(role) && ALERT_ACKNOWLEDGERS.includes(role);
}
