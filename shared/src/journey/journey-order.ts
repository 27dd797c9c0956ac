/**
 * Order rules for the child's journey: events that only make sense after another one
 * (an assessment completed before any referral, a child protection conference with no
 * strategy discussion before it) are refused, so the timescales are judged on a true story.
 */
import { JOURNEY_EVENT_LABELS, type JourneyEvent, type JourneyEventType } from './journey-events.ts';

interface OrderRule {
  /** Some event of one of these types must come first. */
  after: readonly JourneyEventType[];
  /** On the same day counts (a referral and a same-day assessment start), or strictly before. */
  sameDay: boolean;
  /** What to say when none does. */
  message: string;
}

export const ORDER_RULES: Partial<Record<JourneyEventType, OrderRule>> = {
  'assessment-started': { after: ['referral'], sameDay: true, message: 'An assessment cannot start before any referral: record the referral first, or check the date' },
  'assessment-completed': { after: ['referral'], sameDay: true, message: 'An assessment cannot be completed before any referral: record the referral first, or check the date' },
  'section-47-enquiry': { after: ['strategy-discussion'], sameDay: true, message: 'A section 47 enquiry follows a strategy discussion: record the strategy discussion first, or check the date' },
  'initial-cp-conference': { after: ['strategy-discussion'], sameDay: true, message: 'An initial child protection conference needs a strategy discussion before it: record it first, or check the date' },
  'review-cp-conference': { after: ['initial-cp-conference'], sameDay: false, message: 'A review conference comes after an initial child protection conference: record the initial conference first, or check the date' },
  'looked-after-review': { after: ['became-looked-after'], sameDay: true, message: 'A looked-after review needs the date the child became looked after before it: record that first, or check the date' },
};

export interface OrderProblem {
  eventId: string;
  type: JourneyEventType;
  date: string;
  message: string;
}

/** Every event that breaks an order rule, in date order. */
export function journeyOrderProblems(events: readonly JourneyEvent[]): OrderProblem[] {
  const sorted = [...events].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const problems: OrderProblem[] = [];
  for (const event of sorted) {
    const rule = ORDER_RULES[event.type];
    if (!rule) continue;
    const satisfied = sorted.some((e) => rule.after.includes(e.type) && (rule.sameDay ? e.date <= event.date : e.date < event.date));
    if (!satisfied) problems.push({ eventId: event.id, type: event.type, date: event.date, message: rule.message });
  }
  return problems;
}

/**
 * The problems a change would add: those in `after` that `before` did not already have,
 * so an older journey that predates a rule can still be corrected one event at a time.
 */
export function newOrderProblems(before: readonly JourneyEvent[], after: readonly JourneyEvent[]): OrderProblem[] {
  const known = new Set(journeyOrderProblems(before).map((p) => p.eventId));
  return journeyOrderProblems(after).filter((p) => !known.has(p.eventId));
}

/** How a problem reads when it is another event that the change would leave out of order. */
export function describeKnockOn(problem: OrderProblem): string {
  return `This would leave “${JOURNEY_EVENT_LABELS[problem.type]}” on ${problem.date} out of order. ${problem.message}`;
}
