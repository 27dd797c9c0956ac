/**
 * When programme audits fall due: every audit is due by the last day of its month in England
 * and Wales, and reminders go on working days only. What counts as on time or late is
 * `audit-timeliness.ts`.
 */
import { addDays, addMonths, isWorkingDay, monthEnd } from '../time/calendar-dates.ts';

/** An audit of programme month `month` is due by this date (inclusive). */
export function auditDueDate(month: string): string {
  return monthEnd(month);
}

/** The working day on or before `date`: reminders must land on a day people are at work. */
export function workingDayOnOrBefore(date: string): string {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, -1);
  return day;
}

export type ReminderKind = 'week-before' | 'due-today';

/**
 * The two reminder days of a month: a week before the month ends, and the day it ends,
 * each moved back to a working day (a month ending on Sunday is reminded on the Friday).
 */
export function reminderDays(month: string): Record<ReminderKind, string> {
  const end = auditDueDate(month);
  return { 'week-before': workingDayOnOrBefore(addDays(end, -7)), 'due-today': workingDayOnOrBefore(end) };
}

/**
 * Which reminder is owed on `today`, if any. Each is owed from its day until the next one
 * (the due-today one until the month ends), so a day the job did not run is caught up
 * the next morning; deterministic outbox reasons keep it to one message each.
 */
export function reminderOwed(month: string, today: string): ReminderKind | null {
  const days = reminderDays(month);
  if (today >= days['due-today'] && today <= auditDueDate(month)) return 'due-today';
  if (today >= days['week-before'] && today < days['due-today']) return 'week-before';
  return null;
}

/** The programme month a re-audit falls in: `months` after the audit that found the practice Inadequate. */
export function reauditMonth(completedOn: string, months: number): string {
  return addMonths(completedOn, months).slice(0, 7);
}

/** `YYYY-MM` of the month `n` months after (or before, when negative) `month`. */
export function shiftMonth(month: string, n: number): string {
  return addMonths(`${month}-01`, n).slice(0, 7);
}
