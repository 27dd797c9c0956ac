/**
 * When the auditor and the case holder will meet for the reflective conversation: a London
 * date and, optionally, a time. It is a plan, so it cannot be in the past (nor earlier today);
 * the audit is due by its month's end, so a meeting after that is allowed but marked late.
 */
import * as v from 'valibot';
import { addMonths, monthEnd } from '../time/calendar-dates.ts';
import { IsoDate, londonDate } from './audit-dates.ts';
import { dateFormat } from '../time/date-format.ts';
import { formatDate } from '../formatting/dates.ts';

/** `HH:MM` on the 24-hour clock. */
export const MeetingTime = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time as HH:MM on the 24-hour clock, for example 14:30'));

/** Booking the meeting, or moving it: the time is optional, and leaving it out removes one booked before. */
export const SetMeetingBody = v.strictObject({
  meetingDate: IsoDate,
  meetingTime: v.optional(MeetingTime),
});
export type SetMeetingBody = v.InferOutput<typeof SetMeetingBody>;

export interface MeetingProblem {
  path: 'meetingDate' | 'meetingTime';
  message: string;
}

/** How far after the month's end a meeting may still be booked. */
export const MEETING_MONTHS_AFTER_DUE = 12;

/** `{ meetingDate: 'YYYY-MM-DD', meetingTime?: 'HH:MM' }` as booked, given or changed. */
export interface Meeting {
  meetingDate?: string | null;
  meetingTime?: string | null;
}

const LONDON_TIME = dateFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The London day and `HH:MM` of an instant: the "now" a meeting being booked is judged against. */
export function meetingNow(at: Date): { today: string; time: string } {
  return { today: londonDate(at), time: LONDON_TIME.format(at) };
}

/**
 * What is wrong with a meeting for an audit of `month`, judged on `today` at `time` (London,
 * from {@link meetingNow}). Checked only when the meeting is set or changed: a meeting booked
 * earlier may since have passed.
 */
export function meetingProblems(meeting: Meeting, context: { month: string; today: string; time: string }): MeetingProblem[] {
  const problems: MeetingProblem[] = [];
  const { meetingDate: date, meetingTime: time } = meeting;
  if (time && !date) problems.push({ path: 'meetingDate', message: 'Enter the date of the meeting as well as the time' });
  if (!date) return problems;
  const first = `${context.month}-01`;
  const latest = addMonths(monthEnd(context.month), MEETING_MONTHS_AFTER_DUE);
  if (date < context.today) problems.push({ path: 'meetingDate', message: 'The meeting cannot be in the past' });
  else if (date < first) problems.push({ path: 'meetingDate', message: `The meeting cannot be before the audit’s month starts (${formatDate(first)})` });
  else if (date > latest) problems.push({ path: 'meetingDate', message: `The meeting must be within ${MEETING_MONTHS_AFTER_DUE} months of the audit being due (by ${formatDate(latest)})` });
  // The same minute as now still counts as now: only a time already gone is refused.
  if (date === context.today && time && time < context.time) {
    problems.push({ path: 'meetingTime', message: `That time has passed today (it is now ${context.time})` });
  }
  return problems;
}

/** A meeting after the last day of the audit's month: the audit will be late. */
export function meetingIsLate(audit: { month: string; meetingDate?: string }): boolean {
  return audit.meetingDate !== undefined && audit.meetingDate > monthEnd(audit.month);
}

const WEEKDAY = dateFormat('en-GB', { weekday: 'long', timeZone: 'UTC' });
const DAY = dateFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "Tuesday 12 May 2026 at 14:30", or without " at …" when no time is booked. */
export function meetingLabel(meeting: { meetingDate: string; meetingTime?: string }): string {
  const noon = new Date(`${meeting.meetingDate}T12:00:00Z`);
  return `${WEEKDAY.format(noon)} ${DAY.format(noon)}${meeting.meetingTime ? ` at ${meeting.meetingTime}` : ''}`;
}

/** Who books the meeting: its auditor, QA officers, and team managers of the audit's team (or of the case's team now). */
export function mayArrangeMeeting(caller: { userId: string; role: string; teamIds: readonly string[] }, audit: { auditorId: string; teamId: string }, currentCaseTeamId?: string): boolean {
  if (caller.role === 'qa') return true;
  if (caller.role !== 'manager' && caller.role !== 'senior') return false;
  if (audit.auditorId === caller.userId) return true;
  return caller.role === 'manager' && (caller.teamIds.includes(audit.teamId) || (currentCaseTeamId !== undefined && caller.teamIds.includes(currentCaseTeamId)));
}
