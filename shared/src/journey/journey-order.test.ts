import { describe, expect, it } from 'vitest';
import type { JourneyEvent, JourneyEventType } from './journey-events.ts';
import { journeyOrderProblems, newOrderProblems } from './journey-order.ts';

let counter = 0;
const event = (type: JourneyEventType, date: string): JourneyEvent => ({ id: `e${++counter}`, type, date });

describe('the order of journey events', () => {
  it('accepts a journey told in order', () => {
    const journey = [
      event('contact', '2026-01-05'),
      event('referral', '2026-01-06'),
      event('assessment-started', '2026-01-06'),
      event('strategy-discussion', '2026-01-08'),
      event('section-47-enquiry', '2026-01-08'),
      event('initial-cp-conference', '2026-01-27'),
      event('review-cp-conference', '2026-04-20'),
      event('assessment-completed', '2026-02-20'),
      event('became-looked-after', '2026-05-01'),
      event('looked-after-review', '2026-05-20'),
    ];
    expect(journeyOrderProblems(journey)).toEqual([]);
  });

  it('refuses an assessment completed before any referral', () => {
    const completed = event('assessment-completed', '2026-01-05');
    const problems = journeyOrderProblems([completed, event('referral', '2026-01-06')]);
    expect(problems.map((p) => p.eventId)).toEqual([completed.id]);
    expect(problems[0]!.message).toMatch(/before any referral/);
  });

  it('lets a referral and the assessment start on the same day', () => {
    expect(journeyOrderProblems([event('referral', '2026-01-06'), event('assessment-started', '2026-01-06')])).toEqual([]);
  });

  it('needs a strategy discussion before an initial child protection conference', () => {
    expect(journeyOrderProblems([event('initial-cp-conference', '2026-02-01')])).toHaveLength(1);
    expect(journeyOrderProblems([event('strategy-discussion', '2026-02-01'), event('initial-cp-conference', '2026-02-01')])).toEqual([]);
  });

  it('needs the initial conference strictly before a review conference', () => {
    expect(journeyOrderProblems([event('strategy-discussion', '2026-01-01'), event('initial-cp-conference', '2026-02-01'), event('review-cp-conference', '2026-02-01')])).toHaveLength(1);
  });

  it('needs the child to have become looked after before a looked-after review', () => {
    expect(journeyOrderProblems([event('looked-after-review', '2026-03-01'), event('became-looked-after', '2026-03-02')])).toHaveLength(1);
  });

  it('reports only the problems a change adds, not those the journey already had', () => {
    const old = event('initial-cp-conference', '2025-01-10');
    const before = [old];
    const added = event('assessment-completed', '2026-01-05');
    expect(newOrderProblems(before, [...before, event('contact', '2026-01-01')])).toEqual([]);
    expect(newOrderProblems(before, [...before, added]).map((p) => p.eventId)).toEqual([added.id]);
  });

  it('notices when removing or moving one event leaves another out of order', () => {
    const referral = event('referral', '2026-01-06');
    const completed = event('assessment-completed', '2026-02-01');
    expect(newOrderProblems([referral, completed], [completed]).map((p) => p.eventId)).toEqual([completed.id]);
    expect(newOrderProblems([referral, completed], [{ ...referral, date: '2026-03-01' }, completed]).map((p) => p.eventId)).toEqual([completed.id]);
  });
});
