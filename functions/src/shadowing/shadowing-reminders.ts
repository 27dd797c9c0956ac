/**
 * Reminders of work shadowing, each with a deterministic outbox reason so running twice in a
 * day sends nothing new: a request still unanswered two days after it was made (once), and
 * feedback still owed from three days after the work, once a week for four weeks.
 */
import { daysToDone } from '@waypoint/shared/actions/action-lifecycle';
import { hasWrittenFeedback } from '@waypoint/shared/shadowing/shadowing-moves';
import type { ShadowingSide } from '@waypoint/shared/shadowing/shadowing-schemas';
import { addDays, londonDate } from '@waypoint/shared/time/calendar-dates';
import type { TenantContext } from '../platform/auth/caller.ts';
import { remindFeedbackOwed, remindRequestUnanswered } from './shadowing-notifications.ts';
import { listShadowingBetween } from './shadowing-store.ts';

export const REQUEST_REMINDER_AFTER_DAYS = 2;
export const FEEDBACK_REMINDER_AFTER_DAYS = 3;
export const FEEDBACK_REMINDER_WEEKS = 4;

/** The week of feedback reminders owed today (0 from three days after the work), or null. */
export function feedbackReminderWeek(workDate: string, today: string): number | null {
  if (workDate > today) return null;
  const days = daysToDone(workDate, today) - FEEDBACK_REMINDER_AFTER_DAYS;
  if (days < 0) return null;
  const week = Math.floor(days / 7);
  return week < FEEDBACK_REMINDER_WEEKS ? week : null;
}

/** Queues the reminders owed today; returns how many were new. */
export async function remindShadowing(tenant: TenantContext, today: string, at: string): Promise<number> {
  // Work up to five weeks back (feedback) and any ahead (requests waiting for an answer).
  const found = await listShadowingBetween(tenant, addDays(today, -(FEEDBACK_REMINDER_AFTER_DAYS + FEEDBACK_REMINDER_WEEKS * 7)), '9999-12-31');
  let queued = 0;
  for (const s of found) {
    if (s.state === 'requested' && s.date >= today && londonDate(new Date(s.createdAt)) <= addDays(today, -REQUEST_REMINDER_AFTER_DAYS)) {
      if (await remindRequestUnanswered(tenant, s, at)) queued++;
    }
    const week = s.state === 'agreed' && s.withdrawal === undefined ? feedbackReminderWeek(s.date, today) : null;
    if (week === null) continue;
    for (const side of ['shadower', 'practitioner'] as ShadowingSide[]) {
      if (!hasWrittenFeedback(s, side) && (await remindFeedbackOwed(tenant, s, side, week, at))) queued++;
    }
  }
  return queued;
}
