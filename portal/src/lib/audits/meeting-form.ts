/**
 * "When you will meet": the day in the GOV.UK date boxes and the time as typed ("14:30").
 * The plan form makes it optional; the meeting page needs the day. The API judges the rest
 * (not in the past, not before the audit's month) and its errors land on the same fields.
 */
import * as v from 'valibot';
import { MeetingTime, type SetMeetingBody } from '@waypoint/shared/audits/audit-meeting';
import type { Audit } from '@waypoint/shared/audits/audit-schemas';
import type { FieldError } from '../forms/form-errors.ts';
import { datePartsFromForm, datePartsFromIso, readDateParts, type DateParts } from './date-parts.ts';
import { formText } from './form-values.ts';

export interface MeetingFormValues {
  meetingDate: DateParts;
  meetingTime: string;
}

export function meetingValuesFromAudit(audit: Pick<Audit, 'meetingDate' | 'meetingTime'>): MeetingFormValues {
  return { meetingDate: datePartsFromIso(audit.meetingDate), meetingTime: audit.meetingTime ?? '' };
}

export function meetingValuesFromForm(form: FormData): MeetingFormValues {
  return { meetingDate: datePartsFromForm(form, 'meetingDate'), meetingTime: formText(form, 'meetingTime') };
}

/** People type "9:30", "09.30" or "0930"; each means 09:30. Anything else is left for the schema to refuse. */
export function normaliseTime(raw: string): string {
  const text = raw.trim();
  const match = /^(\d{1,2})[:.]?(\d{2})$/.exec(text);
  return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : text;
}

export type MeetingReading = { ok: true; meeting: Partial<SetMeetingBody> } | { ok: false; errors: FieldError[] };

/** The meeting as typed; `required` when the form is for booking it (the meeting page). */
export function readMeeting(values: MeetingFormValues, options: { required: boolean }): MeetingReading {
  const errors: FieldError[] = [];
  const meeting: Partial<SetMeetingBody> = {};
  const date = readDateParts(values.meetingDate, 'The day you will meet');
  if (date.kind === 'invalid') errors.push({ field: 'meetingDate', message: date.message });
  else if (date.kind === 'date') meeting.meetingDate = date.iso;

  const time = normaliseTime(values.meetingTime);
  if (time) {
    if (!v.is(MeetingTime, time)) errors.push({ field: 'meetingTime', message: 'Enter the time on the 24-hour clock, for example 14:30' });
    else meeting.meetingTime = time;
  }
  if (date.kind === 'empty' && (options.required || time)) errors.push({ field: 'meetingDate', message: time ? 'Enter the day you will meet as well as the time' : 'Enter the day you will meet' });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, meeting };
}
