import { describe, expect, it } from 'vitest';
import { auditTimeliness, countTimeliness, daysLate, isLate, monthTimeliness, onTimeOutOf, onTimeShare, type AuditForTimeliness } from './audit-timeliness.ts';

// November 2026 is due by the 30th; at 23:30 UTC on 30 November it is still the 30th in London (GMT).
const november = (state: AuditForTimeliness['state'], completedAt?: string): AuditForTimeliness => ({ month: '2026-11', state, ...(completedAt ? { completedAt } : {}) });

describe('where an audit stands against its due date', () => {
  it('is on time when completed by the last day of its month in London, and completed late after it', () => {
    expect(auditTimeliness(november('completed', '2026-11-30T23:30:00Z'), '2027-01-10')).toBe('on-time');
    expect(auditTimeliness(november('completed', '2026-12-01T00:10:00Z'), '2027-01-10')).toBe('completed-late');
    // In summer time a completion at 23:30 UTC on 31 August is 1 September in London: late for August.
    expect(auditTimeliness({ month: '2026-08', state: 'completed', completedAt: '2026-08-31T23:30:00Z' }, '2026-09-02')).toBe('completed-late');
  });

  it('is late only once its month has ended and only while planned or in progress; not yet due before', () => {
    expect(auditTimeliness(november('in-progress'), '2026-11-30')).toBe('not-yet-due');
    expect(auditTimeliness(november('in-progress'), '2026-12-01')).toBe('late');
    expect(auditTimeliness(november('planned'), '2027-03-01')).toBe('late');
    expect(isLate(november('planned'), '2026-12-01')).toBe(true);
    expect(isLate(november('completed', '2026-12-05T10:00:00Z'), '2026-12-06')).toBe(false);
  });

  it('leaves a cancelled audit out: it was never due', () => {
    expect(auditTimeliness(november('cancelled'), '2026-12-01')).toBeNull();
    expect(isLate(november('cancelled'), '2026-12-01')).toBe(false);
  });

  it('counts the days late from the due date', () => {
    expect(daysLate('2026-11', '2026-12-01')).toBe(1);
    expect(daysLate('2026-11', '2026-11-20')).toBe(0);
  });
});

describe('counting audits by where they stand', () => {
  const audits: AuditForTimeliness[] = [
    november('completed', '2026-11-20T10:00:00Z'),
    november('completed', '2026-11-28T10:00:00Z'),
    november('completed', '2026-12-03T10:00:00Z'),
    november('planned'),
    november('cancelled'),
    { month: '2026-12', state: 'completed', completedAt: '2026-12-02T10:00:00Z' },
    { month: '2026-12', state: 'in-progress' },
    { month: '2026-12', state: 'planned' },
  ];
  const today = '2026-12-06';

  it('splits every audit due into exactly one of on time, completed late, late and not yet due', () => {
    const counts = countTimeliness(audits, today);
    expect(counts).toEqual({ due: 7, completedOnTime: 3, completedLate: 1, late: 1, notYetDue: 2 });
    expect(counts.completedOnTime + counts.completedLate + counts.late + counts.notYetDue).toBe(counts.due);
  });

  it('gives the share on time out of the audits completed or late, never those not yet due', () => {
    const counts = countTimeliness(audits, today);
    expect(onTimeOutOf(counts)).toBe(5);
    expect(onTimeShare(counts)).toBe(3 / 5);
    expect(onTimeShare(countTimeliness([{ month: '2026-12', state: 'planned' }], today))).toBeNull();
  });

  it('gives the same counts from a month’s totals as from its audits one by one', () => {
    for (const [month, ended] of [
      ['2026-11', true],
      ['2026-12', false],
    ] as const) {
      const ofMonth = audits.filter((a) => a.month === month);
      const notCancelled = ofMonth.filter((a) => a.state !== 'cancelled');
      const completed = notCancelled.filter((a) => a.state === 'completed');
      const fromTotals = monthTimeliness({ due: notCancelled.length, completed: completed.length, completedOnTime: completed.filter((a) => auditTimeliness(a, today) === 'on-time').length }, ended);
      expect(fromTotals).toEqual(countTimeliness(ofMonth, today));
    }
  });
});
