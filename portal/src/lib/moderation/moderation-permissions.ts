/** Who moderates audits and who reads the agreement report, as the API's moderation routes allow. */
import type { Role } from '@waypoint/shared/tenancy/roles';

/** Only QA officers re-grade audits (and never one they ran: the API refuses that with a 403). */
export function canModerate(role: Role): boolean {
  return role === 'qa';
}

/** QA officers and senior managers read how far auditors and moderators agree. */
export function canReadAgreement(role: Role): boolean {
  return role === 'qa' || role === 'senior';
}
