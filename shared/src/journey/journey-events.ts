/** The child's journey: dated events through the service, the spine of every audit. */
import * as v from 'valibot';
import { Text } from '../text/text-schemas.ts';
import { BANK_HOLIDAYS_COVER } from '../time/bank-holidays.ts';
import { isValidDate } from '../time/calendar-dates.ts';

export const JOURNEY_EVENT_TYPES = [
  'contact',
  'referral',
  'assessment-started',
  'assessment-completed',
  'strategy-discussion',
  'section-47-enquiry',
  'initial-cp-conference',
  'review-cp-conference',
  'became-looked-after',
  'looked-after-review',
  'plan',
  'visit',
  'step-down',
  'closure',
] as const;
export type JourneyEventType = (typeof JOURNEY_EVENT_TYPES)[number];

export const JOURNEY_EVENT_LABELS: Record<JourneyEventType, string> = {
  contact: 'Contact',
  referral: 'Referral',
  'assessment-started': 'Assessment started',
  'assessment-completed': 'Assessment completed',
  'strategy-discussion': 'Strategy discussion',
  'section-47-enquiry': 'Section 47 enquiry',
  'initial-cp-conference': 'Initial child protection conference',
  'review-cp-conference': 'Review child protection conference',
  'became-looked-after': 'Became looked after',
  'looked-after-review': 'Child looked after review',
  plan: 'Plan agreed',
  visit: 'Visit',
  'step-down': 'Stepped down',
  closure: 'Case closed',
};

export const JourneyEventType = v.picklist(JOURNEY_EVENT_TYPES, 'Choose one of the journey event types');
/** Timescales count working days, so an event must fall within the bank-holiday calendar Waypoint ships. */
export const JourneyEventDate = v.pipe(
  v.string(),
  v.check(isValidDate, 'Enter a real date like 2026-03-31'),
  v.check((date) => date >= BANK_HOLIDAYS_COVER.from, `Waypoint’s calendar starts on ${BANK_HOLIDAYS_COVER.from}; record events from then on`),
);
export const JourneyNote = Text({ max: 500, lines: 'many' });

export const JourneyEventBody = v.strictObject({
  type: JourneyEventType,
  date: JourneyEventDate,
  note: v.optional(JourneyNote),
});
export type JourneyEventBody = v.InferOutput<typeof JourneyEventBody>;

export interface JourneyEvent extends JourneyEventBody {
  id: string;
}
