/**
 * Checks an audit's details against the world beyond its schema: dates against today and
 * the case, people against the authority's staff. Every problem is reported at once, by field.
 */
import { londonDate } from '@waypoint/shared/audits/audit-dates';
import { meetingNow, meetingProblems } from '@waypoint/shared/audits/audit-meeting';
import type { PeriodReviewed } from '@waypoint/shared/audits/audit-schemas';
import type { Case } from '@waypoint/shared/cases/case-schemas';
import { clock } from '@waypoint/shared/time/clock';
import type { TenantContext } from '../platform/auth/caller.ts';
import { ApiError, type FieldError } from '../platform/http/api-error.ts';
import { getUser } from '../users/user-store.ts';
import { formatDate } from '@waypoint/shared/formatting/dates';

/**
 * The day a case opened. Cases do not carry an opened date yet, so the day Waypoint
 * recorded it stands in for it.
 */
export function caseOpenedOn(c: Pick<Case, 'createdAt'>): string {
  return londonDate(new Date(c.createdAt));
}

export function today(): string {
  return londonDate(clock.now());
}

export interface AuditDetailsToCheck {
  conversationDate?: string | null;
  periodReviewed?: PeriodReviewed;
  studentId?: string | null;
  /** A meeting being booked, judged against the audit's `month` (given with it). */
  meetingDate?: string | null;
  meetingTime?: string | null;
  month?: string;
}

export async function checkAuditDetails(tenant: TenantContext, details: AuditDetailsToCheck, auditedCase: Pick<Case, 'createdAt'>): Promise<void> {
  const errors: FieldError[] = [];
  const moment = clock.now();
  const now = londonDate(moment);
  const opened = caseOpenedOn(auditedCase);
  if (details.conversationDate) {
    if (details.conversationDate > now) errors.push({ path: 'conversationDate', message: 'The audit conversation cannot be in the future' });
    else if (details.conversationDate < opened) errors.push({ path: 'conversationDate', message: `The audit conversation cannot be before the case opened (${formatDate(opened)})` });
  }
  if ((details.meetingDate || details.meetingTime) && details.month) errors.push(...meetingProblems(details, { month: details.month, ...meetingNow(moment) }));
  if (details.periodReviewed && details.periodReviewed.to > now) errors.push({ path: 'periodReviewed.to', message: 'The period reviewed cannot end in the future' });
  if (details.studentId) {
    const student = await getUser(tenant, details.studentId);
    if (!student || student.role !== 'student' || !student.active) errors.push({ path: 'studentId', message: 'No such student social worker' });
  }
  if (errors.length) throw new ApiError('validation', 'The audit’s details do not fit the case or the authority', { errors });
}
