import { describe, expect, it } from 'vitest';
import { latestMonthWithWork } from './moderation-month.ts';

const months = ['2026-10', '2026-11', '2026-12'];

describe('latestMonthWithWork', () => {
  it('is the latest month with a completed audit, not an empty month after it', () => {
    expect(
      latestMonthWithWork(months, [
        { month: '2026-10', counters: { 'a.done': 4 } },
        { month: '2026-11', counters: { 'a.done': 2, 'a.due': 5 } },
        { month: '2026-12', counters: { 'a.due': 6 } },
      ]),
    ).toBe('2026-11');
  });

  it('counts a month whose only work is moderations', () => {
    expect(
      latestMonthWithWork(months, [
        { month: '2026-10', counters: { 'a.done': 4 } },
        { month: '2026-11', counters: { 'm.n': 1 } },
      ]),
    ).toBe('2026-11');
  });

  it('is this month when nothing was completed or moderated in any of them', () => {
    expect(latestMonthWithWork(months, [{ month: '2026-11', counters: { 'a.due': 3, 'a.done': 0 } }])).toBe('2026-12');
    expect(latestMonthWithWork(months, [])).toBe('2026-12');
  });
});
