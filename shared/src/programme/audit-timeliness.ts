/**
 * What "on time", "late" and "not yet due" mean for an audit: one definition for every screen,
 * total and export. An audit is due by the last day of its programme month (London), and is
 *
 * - on time: completed on or before that day;
 * - completed late: completed after it;
 * - late: still planned or in progress after it (the programme's "late audits");
 * - not yet due: still planned or in progress, its month not yet over.
 *
 * Cancelled audits were never due and count in none of these. The share on time is out of the
 * audits whose outcome is known (completed, or late), so an audit with days still to go never
 * counts against anyone.
 */
import { londonDate } from '../audits/audit-dates.ts';
import type { AuditState } from '../audits/audit-schemas.ts';
import { auditDueDate } from './programme-dates.ts';

export type Timeliness = 'on-time' | 'completed-late' | 'late' | 'not-yet-due';

/** How each standing reads on a screen. */
export const TIMELINESS_LABELS: Record<Timeliness, string> = { 'on-time': 'On time', 'completed-late': 'Completed late', late: 'Late', 'not-yet-due': 'Not yet due' };

/** Still to do: planned or in progress. Completed and cancelled audits are never late. */
export function isOutstanding(state: AuditState): boolean {
  return state === 'planned' || state === 'in-progress';
}

/** Whether the month's audits are now past their due date (`today` a London date). */
export function monthEnded(month: string, today: string): boolean {
  return today > auditDueDate(month);
}

/** Completed by the last day of its month, judged by the London date of `completedAt`. */
export function completedOnTime(month: string, completedAt: string): boolean {
  return londonDate(new Date(completedAt)) <= auditDueDate(month);
}

export interface AuditForTimeliness {
  month: string;
  state: AuditState;
  completedAt?: string;
}

/** How a completed audit was completed, whatever the date now; null for one not completed. */
export function completion(audit: AuditForTimeliness): 'on-time' | 'completed-late' | null {
  if (audit.state !== 'completed') return null;
  return audit.completedAt && !completedOnTime(audit.month, audit.completedAt) ? 'completed-late' : 'on-time';
}

/** Where an audit stands against its due date on `today`; null for a cancelled audit (never due). */
export function auditTimeliness(audit: AuditForTimeliness, today: string): Timeliness | null {
  if (audit.state === 'cancelled') return null;
  return completion(audit) ?? (monthEnded(audit.month, today) ? 'late' : 'not-yet-due');
}

/** Late: still planned or in progress once its month has ended. */
export function isLate(audit: AuditForTimeliness, today: string): boolean {
  return auditTimeliness(audit, today) === 'late';
}

/** Whole days between the due date and today, for a late audit. */
export function daysLate(month: string, today: string): number {
  const due = Date.parse(`${auditDueDate(month)}T00:00:00Z`);
  return Math.max(0, Math.round((Date.parse(`${today}T00:00:00Z`) - due) / 86_400_000));
}

/** Audits counted by where they stand; `due` is every one not cancelled, and the other four add up to it. */
export interface TimelinessCounts {
  due: number;
  completedOnTime: number;
  completedLate: number;
  late: number;
  notYetDue: number;
}

export const NO_AUDITS: TimelinessCounts = { due: 0, completedOnTime: 0, completedLate: 0, late: 0, notYetDue: 0 };

const FIELD: Record<Timeliness, keyof Omit<TimelinessCounts, 'due'>> = { 'on-time': 'completedOnTime', 'completed-late': 'completedLate', late: 'late', 'not-yet-due': 'notYetDue' };

/** Counts audits one by one: what the totals must agree with. */
export function countTimeliness(audits: readonly AuditForTimeliness[], today: string): TimelinessCounts {
  const counts = { ...NO_AUDITS };
  for (const audit of audits) {
    const standing = auditTimeliness(audit, today);
    if (standing === null) continue;
    counts.due++;
    counts[FIELD[standing]]++;
  }
  return counts;
}

/**
 * The same counts for one month from its totals (audits due, completed, and completed on time):
 * before the month ends nothing is late and whatever is not done is not yet due; after it,
 * whatever is not done is late.
 */
export function monthTimeliness(totals: { due: number; completed: number; completedOnTime: number }, ended: boolean): TimelinessCounts {
  const outstanding = totals.due - totals.completed;
  return {
    due: totals.due,
    completedOnTime: totals.completedOnTime,
    completedLate: totals.completed - totals.completedOnTime,
    late: ended ? outstanding : 0,
    notYetDue: ended ? 0 : outstanding,
  };
}

export function addTimeliness(a: TimelinessCounts, b: TimelinessCounts): TimelinessCounts {
  return { due: a.due + b.due, completedOnTime: a.completedOnTime + b.completedOnTime, completedLate: a.completedLate + b.completedLate, late: a.late + b.late, notYetDue: a.notYetDue + b.notYetDue };
}

/** What the share on time is out of: audits completed, or late (every audit due but those not yet due). */
export function onTimeOutOf(counts: Pick<TimelinessCounts, 'due' | 'notYetDue'>): number {
  return counts.due - counts.notYetDue;
}

/** Completed on time ÷ completed or late; null while no audit's outcome is known. */
export function onTimeShare(counts: Pick<TimelinessCounts, 'due' | 'notYetDue' | 'completedOnTime'>): number | null {
  const outOf = onTimeOutOf(counts);
  return outOf > 0 ? counts.completedOnTime / outOf : null;
}
