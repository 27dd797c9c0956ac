/**
 * Requests and views of the child's journey: one versioned document per case, and the
 * journey as an audit shows it (live while the audit is open, frozen when it completes).
 */
import * as v from 'valibot';
import { EntityId } from '../cases/case-schemas.ts';
import { JourneyEventBody, JourneyEventDate, JourneyEventType, JourneyNote, type JourneyEvent } from './journey-events.ts';
import type { TimescaleCheck } from './timescales.ts';

/** A case records at most this many events; its journey is one item, and items stop at 400 KB. */
export const MAX_JOURNEY_EVENTS = 300;

export const CreateJourneyEventBody = JourneyEventBody;
export type CreateJourneyEventBody = v.InferOutput<typeof CreateJourneyEventBody>;

/** A change to one event; `note: null` removes the note. */
export const UpdateJourneyEventBody = v.strictObject({
  type: v.optional(JourneyEventType),
  date: v.optional(JourneyEventDate),
  note: v.optional(v.nullable(JourneyNote)),
});
export type UpdateJourneyEventBody = v.InferOutput<typeof UpdateJourneyEventBody>;

export const JourneyEventId = EntityId;

export interface RecordedJourneyEvent extends JourneyEvent {
  recordedById: string;
  recordedAt: string;
}

/** A case's journey: its events by date, with the statutory timescales judged on `today`. */
export interface CaseJourney {
  caseRef: string;
  events: RecordedJourneyEvent[];
  timescales: TimescaleCheck[];
  /** The London date the timescales were judged on. */
  today: string;
  /** 0 before the first event is recorded; also sent as the ETag. */
  version: number;
}

/**
 * The journey on an audit: `live` (the case's journey now) until the audit completes, then
 * the `snapshot` taken at completion; `reconstructed` for an audit completed before
 * snapshots existed (the case's events up to the completion date).
 */
export interface AuditJourney {
  source: 'live' | 'snapshot' | 'reconstructed';
  events: RecordedJourneyEvent[];
  timescales: TimescaleCheck[];
  /** The London date the timescales were judged on: today, or the day the audit completed. */
  asOf: string;
  /** The case journey's version it was taken from. */
  journeyVersion: number;
}
