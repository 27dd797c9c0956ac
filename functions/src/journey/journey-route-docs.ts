/** How the child's journey routes appear in the OpenAPI document. */
import { CaseRef } from '@waypoint/shared/cases/case-schemas';
import { CreateJourneyEventBody, JourneyEventId, UpdateJourneyEventBody } from '@waypoint/shared/journey/journey-schemas';
import { describeRoutes } from '../openapi/route-docs.ts';
import { CaseJourneyResource } from './journey-resources.ts';

const READERS = ['student', 'practitioner', 'manager', 'qa', 'senior'] as const;
const EDITORS = ['practitioner', 'manager', 'qa', 'senior'] as const;
const SCOPE = 'The case must be in your scope (else 404).';
const EDIT = `${SCOPE} Team managers, QA officers and senior managers record the journey, and so does the case holder (anyone else: 403). While the case’s reference is being changed by an import, a change is refused with 409: try again in a moment.`;
const RULES =
  'Dates are real dates from 2015 on and not in the future (London); events must keep their order: an assessment needs a referral on or before it, a section 47 enquiry or initial child protection conference a strategy discussion, a review conference an initial one before it, a looked-after review the date the child became looked after. A breach is a 400 on `date` and nothing is written.';

export const journeyRouteDocs = describeRoutes([
  {
    method: 'get',
    path: '/v1/cases/{ref}/journey',
    tag: 'Journey',
    summary: 'The child’s journey, with the statutory timescales',
    description: `Events by date, and each timescale (assessment within 45 working days of referral; initial conference within 15 working days of the strategy discussion; review conferences at 3 then every 6 months; looked-after reviews at 20 working days, 3 months, then every 6) met, missed, due or overdue today. ${SCOPE}`,
    access: READERS,
    params: { ref: CaseRef },
    success: { status: 200, description: 'The journey (version 0 before the first event)', schema: CaseJourneyResource, etag: true },
  },
  {
    method: 'post',
    path: '/v1/cases/{ref}/journey',
    tag: 'Journey',
    summary: 'Record an event on the child’s journey',
    description: `${EDIT} ${RULES} If-Match is optional: with it, the event is added only to that version (412 if it changed); without it, to the journey as it is. Send \`Idempotency-Key\` to make a retry safe.`,
    access: EDITORS,
    params: { ref: CaseRef },
    body: CreateJourneyEventBody,
    otherErrors: [409, 412],
    success: { status: 201, description: 'The journey with the event (its address in Location)', schema: CaseJourneyResource, etag: true, location: true },
  },
  {
    method: 'patch',
    path: '/v1/cases/{ref}/journey/events/{eventId}',
    tag: 'Journey',
    summary: 'Correct an event’s type, date or note',
    description: `${EDIT} ${RULES} The journey is one versioned document: quote its ETag in If-Match. \`note: null\` removes the note.`,
    access: EDITORS,
    params: { ref: CaseRef, eventId: JourneyEventId },
    body: UpdateJourneyEventBody,
    ifMatch: true,
    otherErrors: [409],
    success: { status: 200, description: 'The journey as changed', schema: CaseJourneyResource, etag: true },
  },
  {
    method: 'delete',
    path: '/v1/cases/{ref}/journey/events/{eventId}',
    tag: 'Journey',
    summary: 'Remove an event recorded in error',
    description: `${EDIT} Quote the journey’s ETag in If-Match. An event others depend on (the referral before an assessment, say) cannot go: 409.`,
    access: EDITORS,
    params: { ref: CaseRef, eventId: JourneyEventId },
    ifMatch: true,
    otherErrors: [409],
    success: { status: 200, description: 'The journey without the event', schema: CaseJourneyResource, etag: true },
  },
]);
