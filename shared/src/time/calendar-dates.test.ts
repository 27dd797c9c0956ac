import { describe, expect, it } from 'vitest';
import { addMonths, addWorkingDays, CalendarError, isWorkingDay, londonDate, monthEnd, workingDaysBetween } from './calendar-dates.ts';

describe('working days in England and Wales', () => {
  it('skips weekends', () => {
    expect(addWorkingDays('2026-11-27', 1)).toBe('2026-11-30'); // Friday + 1 = Monday
    expect(workingDaysBetween('2026-11-27', '2026-11-30')).toBe(1);
  });

  it('skips bank holidays, including substitute days', () => {
    // Christmas 2026 is a Friday, so Boxing Day is moved to Monday 28 December.
    expect(isWorkingDay('2026-12-28')).toBe(false);
    expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-29');
    // Easter 2026: Good Friday 3 April and Easter Monday 6 April.
    expect(addWorkingDays('2026-04-02', 1)).toBe('2026-04-07');
  });

  it('knows the one-off bank holidays of 2022 and 2023', () => {
    expect(isWorkingDay('2022-06-03')).toBe(false);
    expect(isWorkingDay('2022-09-19')).toBe(false);
    expect(isWorkingDay('2023-05-08')).toBe(false);
    expect(isWorkingDay('2022-05-30')).toBe(true); // the spring holiday moved to 2 June that year
  });

  it('counts 45 working days from a referral across the Christmas break', () => {
    const due = addWorkingDays('2026-11-30', 45);
    expect(workingDaysBetween('2026-11-30', due)).toBe(45);
    expect(due).toBe('2027-02-04');
  });

  it('refuses years outside the shipped bank holidays rather than guessing', () => {
    expect(() => isWorkingDay('2036-01-02')).toThrow(CalendarError);
  });

  it('refuses to walk working days past the shipped bank holidays', () => {
    expect(() => addWorkingDays('2035-12-28', 10)).toThrow(CalendarError);
  });

  it('refuses things that are not real dates', () => {
    expect(() => addWorkingDays('2026-02-30', 1)).toThrow(CalendarError);
  });
});

describe('calendar months', () => {
  it('clamps to the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
  });

  it('knows each month’s last day', () => {
    expect(monthEnd('2026-02')).toBe('2026-02-28');
    expect(monthEnd('2026-12')).toBe('2026-12-31');
  });

  it('reads the London date at an instant across summer time', () => {
    expect(londonDate(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(londonDate(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });

  it('moves to the next date at the first minute after midnight in London, however soon after the last one it is asked', () => {
    expect(londonDate(new Date('2026-06-30T22:59:59.999Z'))).toBe('2026-06-30');
    expect(londonDate(new Date('2026-06-30T23:00:00.000Z'))).toBe('2026-07-01');
    expect(londonDate(new Date('2026-06-30T22:59:30.000Z'))).toBe('2026-06-30');
    expect(() => londonDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});
