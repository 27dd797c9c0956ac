import { describe, expect, it } from 'vitest';
import { meetingValuesFromAudit, normaliseTime, readMeeting } from './meeting-form.ts';

const values = (day: string, month: string, year: string, time = '') => ({ meetingDate: { day, month, year }, meetingTime: time });

describe('the meeting form', () => {
  it('reads the day and time as the API wants them', () => {
    expect(readMeeting(values('12', '5', '2026', '14:30'), { required: true })).toEqual({ ok: true, meeting: { meetingDate: '2026-05-12', meetingTime: '14:30' } });
    expect(readMeeting(values('12', 'May', '2026'), { required: true })).toEqual({ ok: true, meeting: { meetingDate: '2026-05-12' } });
    expect(readMeeting(values('', '', ''), { required: false })).toEqual({ ok: true, meeting: {} });
  });

  it('accepts the ways people type a time', () => {
    expect(normaliseTime(' 9:30 ')).toBe('09:30');
    expect(normaliseTime('09.30')).toBe('09:30');
    expect(normaliseTime('1430')).toBe('14:30');
    expect(normaliseTime('2pm')).toBe('2pm');
  });

  it('names each problem on its own field', () => {
    expect(readMeeting(values('', '', ''), { required: true })).toEqual({ ok: false, errors: [{ field: 'meetingDate', message: 'Enter the day you will meet' }] });
    expect(readMeeting(values('', '', '', '14:30'), { required: false })).toEqual({ ok: false, errors: [{ field: 'meetingDate', message: 'Enter the day you will meet as well as the time' }] });
    expect(readMeeting(values('31', '2', '2026', '25:00'), { required: true })).toEqual({
      ok: false,
      errors: [
        { field: 'meetingDate', message: 'The day you will meet must be a real date' },
        { field: 'meetingTime', message: 'Enter the time on the 24-hour clock, for example 14:30' },
      ],
    });
  });

  it('starts from what is booked', () => {
    expect(meetingValuesFromAudit({ meetingDate: '2026-05-12', meetingTime: '09:05' })).toEqual(values('12', '5', '2026', '09:05'));
    expect(meetingValuesFromAudit({})).toEqual(values('', '', '', ''));
  });
});
