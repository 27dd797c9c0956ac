import { describe, expect, it } from 'vitest';
import { auditDueDate, reauditMonth, reminderDays, reminderOwed, shiftMonth } from './programme-dates.ts';

describe('when a programme audit is due', () => {
  it('is due on the last day of its month', () => {
    expect(auditDueDate('2026-11')).toBe('2026-11-30');
    expect(auditDueDate('2028-02')).toBe('2028-02-29');
  });
});

describe('reminder days', () => {
  it('are a week before the month end and the month end itself when both are working days', () => {
    // 30 September 2026 is a Wednesday; 23 September too.
    expect(reminderDays('2026-09')).toEqual({ 'week-before': '2026-09-23', 'due-today': '2026-09-30' });
  });

  it('move back to the Friday when the month ends at a weekend', () => {
    // 31 October 2026 is a Saturday; 24 October too.
    expect(reminderDays('2026-10')).toEqual({ 'week-before': '2026-10-23', 'due-today': '2026-10-30' });
  });

  it('skip bank holidays: 31 August 2026 is one, so the day itself is reminded on Friday 28th', () => {
    expect(reminderDays('2026-08')['due-today']).toBe('2026-08-28');
  });

  it('say which reminder is owed, catching up a day the job missed and nothing outside the window', () => {
    expect(reminderOwed('2026-09', '2026-09-22')).toBeNull();
    expect(reminderOwed('2026-09', '2026-09-23')).toBe('week-before');
    expect(reminderOwed('2026-09', '2026-09-24')).toBe('week-before');
    expect(reminderOwed('2026-09', '2026-09-29')).toBe('week-before');
    expect(reminderOwed('2026-09', '2026-09-30')).toBe('due-today');
    expect(reminderOwed('2026-09', '2026-10-01')).toBeNull();
    // Month ending on Saturday: Friday and the weekend itself owe the due-today reminder.
    expect(reminderOwed('2026-10', '2026-10-30')).toBe('due-today');
    expect(reminderOwed('2026-10', '2026-10-31')).toBe('due-today');
  });
});

describe('months', () => {
  it('schedule a re-audit the set number of months after completion', () => {
    expect(reauditMonth('2026-11-30', 3)).toBe('2027-02');
    expect(reauditMonth('2026-08-31', 6)).toBe('2027-02');
  });

  it('shift across year ends both ways', () => {
    expect(shiftMonth('2026-11', 2)).toBe('2027-01');
    expect(shiftMonth('2026-01', -12)).toBe('2025-01');
  });
});
