import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { CreateAuditBody } from './audit-schemas.ts';
import { MeetingTime, SetMeetingBody, mayArrangeMeeting, meetingIsLate, meetingLabel, meetingNow, meetingProblems } from './audit-meeting.ts';

describe('the meeting for an audit', () => {
  const may = { month: '2026-05', today: '2026-05-10', time: '14:30' };

  it('accepts a day from today to the month’s end, and after it (the audit is then late)', () => {
    expect(meetingProblems({ meetingDate: '2026-05-10' }, may)).toEqual([]);
    expect(meetingProblems({ meetingDate: '2026-05-11', meetingTime: '09:00' }, may)).toEqual([]);
    expect(meetingProblems({ meetingDate: '2026-05-31' }, may)).toEqual([]);
    expect(meetingProblems({ meetingDate: '2026-06-03' }, may)).toEqual([]);
    expect(meetingIsLate({ month: '2026-05', meetingDate: '2026-05-31' })).toBe(false);
    expect(meetingIsLate({ month: '2026-05', meetingDate: '2026-06-01' })).toBe(true);
    expect(meetingIsLate({ month: '2026-05' })).toBe(false);
  });

  it('refuses a day in the past, before the audit’s month, or over a year after it was due', () => {
    expect(meetingProblems({ meetingDate: '2026-05-09' }, may)).toEqual([{ path: 'meetingDate', message: 'The meeting cannot be in the past' }]);
    expect(meetingProblems({ meetingDate: '2026-06-30' }, { month: '2026-07', today: '2026-06-01', time: '09:00' })[0]?.message).toContain('before the audit’s month starts');
    expect(meetingProblems({ meetingDate: '2027-05-31' }, may)).toEqual([]);
    expect(meetingProblems({ meetingDate: '2027-06-01' }, may)[0]?.message).toContain('within 12 months');
  });

  it('refuses a time already gone today, and accepts the current minute or later', () => {
    expect(meetingProblems({ meetingDate: '2026-05-10', meetingTime: '14:29' }, may)).toEqual([{ path: 'meetingTime', message: 'That time has passed today (it is now 14:30)' }]);
    expect(meetingProblems({ meetingDate: '2026-05-10', meetingTime: '09:00' }, may).map((p) => p.path)).toEqual(['meetingTime']);
    expect(meetingProblems({ meetingDate: '2026-05-10', meetingTime: '14:30' }, may)).toEqual([]);
    expect(meetingProblems({ meetingDate: '2026-05-10', meetingTime: '14:31' }, may)).toEqual([]);
  });

  it('reads now as the London day and time, across midnight and summer time', () => {
    expect(meetingNow(new Date('2026-05-10T13:30:59Z'))).toEqual({ today: '2026-05-10', time: '14:30' });
    expect(meetingNow(new Date('2026-05-10T23:05:00Z'))).toEqual({ today: '2026-05-11', time: '00:05' });
    expect(meetingNow(new Date('2026-11-26T09:07:00Z'))).toEqual({ today: '2026-11-26', time: '09:07' });
  });

  it('needs a date for a time', () => {
    expect(meetingProblems({ meetingTime: '14:30' }, may)).toEqual([{ path: 'meetingDate', message: 'Enter the date of the meeting as well as the time' }]);
  });

  it('reads times on the 24-hour clock only', () => {
    for (const ok of ['00:00', '09:05', '14:30', '23:59']) expect(v.is(MeetingTime, ok), ok).toBe(true);
    for (const bad of ['24:00', '9:05', '14:60', '2pm', '14.30', '14:30:00', '']) expect(v.is(MeetingTime, bad), bad).toBe(false);
    expect(v.is(SetMeetingBody, { meetingDate: '2026-02-30' })).toBe(false);
    expect(v.is(SetMeetingBody, { meetingDate: '2026-02-27', extra: 1 })).toBe(false);
    expect(v.is(CreateAuditBody, { caseRef: 'NV-00001', templateId: 'journey-of-the-child', meetingDate: '2026-05-12', meetingTime: '14:30' })).toBe(true);
  });

  it('names the day as people say it', () => {
    expect(meetingLabel({ meetingDate: '2026-05-12', meetingTime: '14:30' })).toBe('Tuesday 12 May 2026 at 14:30');
    expect(meetingLabel({ meetingDate: '2026-03-29' })).toBe('Sunday 29 March 2026');
  });

  it('is booked by the auditor, QA, and the managers of the audit’s or the case’s team', () => {
    const audit = { auditorId: 'm1', teamId: 'cin' };
    expect(mayArrangeMeeting({ userId: 'm1', role: 'manager', teamIds: [] }, audit)).toBe(true);
    expect(mayArrangeMeeting({ userId: 'm2', role: 'manager', teamIds: ['cin'] }, audit)).toBe(true);
    expect(mayArrangeMeeting({ userId: 'm2', role: 'manager', teamIds: ['cp'] }, audit)).toBe(false);
    expect(mayArrangeMeeting({ userId: 'm2', role: 'manager', teamIds: ['cp'] }, audit, 'cp')).toBe(true);
    expect(mayArrangeMeeting({ userId: 'q', role: 'qa', teamIds: [] }, audit)).toBe(true);
    expect(mayArrangeMeeting({ userId: 's', role: 'senior', teamIds: [] }, audit)).toBe(false);
    expect(mayArrangeMeeting({ userId: 'm1', role: 'senior', teamIds: [] }, audit)).toBe(true);
    expect(mayArrangeMeeting({ userId: 'p', role: 'practitioner', teamIds: ['cin'] }, audit)).toBe(false);
    expect(mayArrangeMeeting({ userId: 'm1', role: 'practitioner', teamIds: [] }, audit)).toBe(false);
  });
});
