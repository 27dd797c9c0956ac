import { describe, expect, it } from 'vitest';
import { actionReminderOwed } from './action-reminders.ts';

describe('which action reminder is owed', () => {
  it('reminds from a week before the due date to the day itself', () => {
    expect(actionReminderOwed('2026-12-03', '2026-11-25')).toBeNull();
    expect(actionReminderOwed('2026-12-03', '2026-11-26')).toBe('due-soon');
    expect(actionReminderOwed('2026-12-03', '2026-12-03')).toBe('due-soon');
  });

  it('reminds of an overdue action once in each week it stays overdue', () => {
    expect(actionReminderOwed('2026-11-20', '2026-11-21')).toBe('overdue-w0');
    expect(actionReminderOwed('2026-11-20', '2026-11-27')).toBe('overdue-w0');
    expect(actionReminderOwed('2026-11-20', '2026-11-28')).toBe('overdue-w1');
  });
});
