import { describe, expect, it } from 'vitest';
import type { JourneyEvent, JourneyEventType } from './journey-events.ts';
import { evaluateTimescales } from './timescales.ts';

let counter = 0;
const event = (type: JourneyEventType, date: string): JourneyEvent => ({ id: `e${++counter}`, type, date });
const TODAY = '2026-11-26';

describe('assessment within 45 working days of referral', () => {
  // Referral Monday 2 March 2026; 45 working days later (Good Friday 3 and Easter Monday 6 April excluded) is 7 May.
  const referral = event('referral', '2026-03-02');
  it('is met on the 45th working day', () => {
    const [c] = evaluateTimescales([referral, event('assessment-completed', '2026-05-07')], TODAY);
    expect(c).toMatchObject({ dueDate: '2026-05-07', status: 'met' });
  });
  it('is missed on the day after', () => {
    const [c] = evaluateTimescales([referral, event('assessment-completed', '2026-05-08')], TODAY);
    expect(c!.status).toBe('missed');
  });
  it('is due while the date has not passed, and overdue after', () => {
    expect(evaluateTimescales([referral], '2026-05-07')[0]!.status).toBe('due');
    expect(evaluateTimescales([referral], '2026-05-08')[0]!.status).toBe('overdue');
  });
});

describe('initial child protection conference within 15 working days of the strategy discussion', () => {
  // Strategy discussion Thursday 17 December 2026: 25, 28 December and 1 January are bank holidays.
  const strategy = event('strategy-discussion', '2026-12-17');
  it('counts across Christmas to the 15th working day', () => {
    const [c] = evaluateTimescales([strategy, event('initial-cp-conference', '2027-01-12')], '2027-02-01');
    expect(c).toMatchObject({ dueDate: '2027-01-12', status: 'met' });
    expect(evaluateTimescales([strategy, event('initial-cp-conference', '2027-01-13')], '2027-02-01')[0]!.status).toBe('missed');
  });
});

describe('review child protection conferences', () => {
  const initial = event('initial-cp-conference', '2026-01-15');
  it('wants the first review within 3 months, then every 6 months from the last', () => {
    const checks = evaluateTimescales([initial, event('review-cp-conference', '2026-04-15'), event('review-cp-conference', '2026-10-16')], TODAY);
    expect(checks.map((c) => [c.dueDate, c.status])).toEqual([
      ['2026-04-15', 'met'],
      ['2026-10-15', 'missed'],
      ['2027-04-16', 'due'],
    ]);
  });
});

describe('looked-after reviews', () => {
  const start = event('became-looked-after', '2026-06-01');
  it('wants 20 working days, then 3 months, then every 6 months', () => {
    // 20 working days from Monday 1 June 2026 is Monday 29 June.
    const checks = evaluateTimescales([start, event('looked-after-review', '2026-06-29'), event('looked-after-review', '2026-09-29')], TODAY);
    expect(checks.map((c) => [c.dueDate, c.status])).toEqual([
      ['2026-06-29', 'met'],
      ['2026-09-29', 'met'],
      ['2027-03-29', 'due'],
    ]);
  });
  it('misses the first review on the 21st working day', () => {
    expect(evaluateTimescales([start, event('looked-after-review', '2026-06-30')], TODAY)[0]!.status).toBe('missed');
  });
});

describe('closed cases', () => {
  it('expect nothing more after closure', () => {
    const checks = evaluateTimescales([event('initial-cp-conference', '2026-01-15'), event('closure', '2026-03-01')], TODAY);
    expect(checks).toEqual([]);
  });
});
