import { describe, expect, it } from 'vitest';
import { londonDate, monthsBefore } from './audit-dates.ts';

describe('audit dates', () => {
  it('names the day as it is in London, across midnight in summer time', () => {
    expect(londonDate(new Date('2026-07-31T23:30:00Z'))).toBe('2026-08-01');
    expect(londonDate(new Date('2026-01-31T23:30:00Z'))).toBe('2026-01-31');
  });

  it('steps back whole months, clamping to the shorter month’s end', () => {
    expect(monthsBefore('2026-11-26', 12)).toBe('2025-11-26');
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
  });
});
