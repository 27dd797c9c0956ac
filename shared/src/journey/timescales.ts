/**
 * Statutory timescales along the child's journey, each judged met, missed, due or overdue:
 * assessment within 45 working days of referral; initial child protection conference within
 * 15 working days of the strategy discussion; first review conference within 3 months, then
 * every 6 months; looked-after reviews within 20 working days, then 3 months, then every 6.
 */
import { addMonths, addWorkingDays } from '../time/calendar-dates.ts';
import type { JourneyEvent, JourneyEventType } from './journey-events.ts';

export type TimescaleStatus = 'met' | 'missed' | 'due' | 'overdue';

export interface TimescaleCheck {
  rule: string;
  /** The event the clock starts from. */
  startedBy: string;
  startDate: string;
  dueDate: string;
  /** The event that met (or, late, answered) the timescale. */
  answeredBy: string | null;
  answeredOn: string | null;
  status: TimescaleStatus;
}

/** When review `n` (0-based) is due, given the date of the one before (or the start). */
type DueAfter = (n: number, previous: string) => string;

function check(rule: string, start: JourneyEvent, due: string, answer: JourneyEvent | undefined, today: string): TimescaleCheck {
  const status: TimescaleStatus = answer ? (answer.date <= due ? 'met' : 'missed') : today <= due ? 'due' : 'overdue';
  return { rule, startedBy: start.id, startDate: start.date, dueDate: due, answeredBy: answer?.id ?? null, answeredOn: answer?.date ?? null, status };
}

function ofType(events: readonly JourneyEvent[], type: JourneyEventType): JourneyEvent[] {
  return events.filter((e) => e.type === type);
}

function firstOnOrAfter(events: readonly JourneyEvent[], type: JourneyEventType, from: string): JourneyEvent | undefined {
  return ofType(events, type).find((e) => e.date >= from);
}

/** A run of reviews: each held review is judged against its due date, then the next one is due. */
function reviewChain(options: { start: JourneyEvent; reviews: JourneyEvent[]; dueAfter: DueAfter; ruleOf: (n: number) => string; today: string }): TimescaleCheck[] {
  const checks: TimescaleCheck[] = [];
  let previous = options.start.date;
  options.reviews.forEach((review, n) => {
    checks.push(check(options.ruleOf(n), options.start, options.dueAfter(n, previous), review, options.today));
    previous = review.date;
  });
  const next = options.reviews.length;
  checks.push(check(options.ruleOf(next), options.start, options.dueAfter(next, previous), undefined, options.today));
  return checks;
}

export function evaluateTimescales(events: readonly JourneyEvent[], today: string): TimescaleCheck[] {
  const sorted = [...events].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const checks: TimescaleCheck[] = [];

  for (const referral of ofType(sorted, 'referral')) {
    const answer = firstOnOrAfter(sorted, 'assessment-completed', referral.date);
    checks.push(check('Assessment completed within 45 working days of referral', referral, addWorkingDays(referral.date, 45), answer, today));
  }

  for (const strategy of ofType(sorted, 'strategy-discussion')) {
    const answer = firstOnOrAfter(sorted, 'initial-cp-conference', strategy.date);
    checks.push(check('Initial child protection conference within 15 working days of the strategy discussion', strategy, addWorkingDays(strategy.date, 15), answer, today));
  }

  const initial = ofType(sorted, 'initial-cp-conference')[0];
  if (initial) {
    checks.push(
      ...reviewChain({
        start: initial,
        reviews: ofType(sorted, 'review-cp-conference').filter((e) => e.date > initial.date),
        dueAfter: (n, previous) => addMonths(previous, n === 0 ? 3 : 6),
        ruleOf: (n) => (n === 0 ? 'First review conference within 3 months of the initial conference' : `Review conference ${n + 1} within 6 months of the last`),
        today,
      }),
    );
  }

  const lookedAfter = ofType(sorted, 'became-looked-after')[0];
  if (lookedAfter) {
    checks.push(
      ...reviewChain({
        start: lookedAfter,
        reviews: ofType(sorted, 'looked-after-review').filter((e) => e.date >= lookedAfter.date),
        dueAfter: (n, previous) => (n === 0 ? addWorkingDays(previous, 20) : addMonths(previous, n === 1 ? 3 : 6)),
        ruleOf: (n) => (n === 0 ? 'First looked-after review within 20 working days' : n === 1 ? 'Second looked-after review within 3 months of the first' : `Looked-after review ${n + 1} within 6 months of the last`),
        today,
      }),
    );
  }

  // Once a case has closed, nothing still waiting falls due after the closure.
  const closedOn = ofType(sorted, 'closure').at(-1)?.date;
  return closedOn ? checks.filter((c) => c.answeredBy !== null || c.dueDate <= closedOn) : checks;
}
