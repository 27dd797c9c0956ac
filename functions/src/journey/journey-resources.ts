/** Response schemas for the child's journey in the OpenAPI document. */
import * as v from 'valibot';
import { IsoDate } from '@waypoint/shared/audits/audit-dates';
import { CaseRef, EntityId } from '@waypoint/shared/cases/case-schemas';
import { JOURNEY_EVENT_TYPES } from '@waypoint/shared/journey/journey-events';

export const JourneyEventResource = v.pipe(
  v.object({
    id: EntityId,
    type: v.picklist(JOURNEY_EVENT_TYPES),
    date: IsoDate,
    note: v.optional(v.string()),
    recordedById: EntityId,
    recordedAt: v.pipe(v.string(), v.isoTimestamp()),
  }),
  v.title('JourneyEvent'),
);

export const TimescaleCheckResource = v.pipe(
  v.object({
    rule: v.pipe(v.string(), v.description('The statutory timescale, in words')),
    startedBy: v.pipe(EntityId, v.description('The event that started the clock')),
    startDate: IsoDate,
    dueDate: IsoDate,
    answeredBy: v.pipe(v.nullable(EntityId), v.description('The event that met (or, late, answered) the timescale')),
    answeredOn: v.nullable(IsoDate),
    status: v.pipe(v.picklist(['met', 'missed', 'due', 'overdue']), v.description('`due` and `overdue` are still waiting: overdue once the due date has passed')),
  }),
  v.title('TimescaleCheck'),
);

export const CaseJourneyResource = v.pipe(
  v.object({
    caseRef: CaseRef,
    events: v.pipe(v.array(JourneyEventResource), v.description('By date')),
    timescales: v.array(TimescaleCheckResource),
    today: v.pipe(IsoDate, v.description('The London date the timescales were judged on')),
    version: v.pipe(v.number(), v.integer(), v.minValue(0), v.description('0 before the first event; also the ETag, quoted in If-Match to change or remove an event')),
  }),
  v.title('CaseJourney'),
);

export const AuditJourneyResource = v.pipe(
  v.object({
    source: v.pipe(v.picklist(['live', 'snapshot', 'reconstructed']), v.description('`live` until the audit completes; then the `snapshot` frozen at completion (`reconstructed` from the case’s events for audits completed before snapshots were kept)')),
    events: v.array(JourneyEventResource),
    timescales: v.array(TimescaleCheckResource),
    asOf: v.pipe(IsoDate, v.description('Today for an open audit; the completion day for a completed one')),
    journeyVersion: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
  v.title('AuditJourney'),
);
