/** Response schemas for safety alerts in the OpenAPI document. */
import * as v from 'valibot';
import { CASE_TYPES, CaseRef, EntityId } from '@waypoint/shared/cases/case-schemas';
import { ALERT_SOURCES, ALERT_STATUSES } from '@waypoint/shared/engagement/alert-schemas';
import { AUDIENCES } from '@waypoint/shared/engagement/audiences';
import { ENGAGEMENT_LANGUAGES } from '@waypoint/shared/engagement/languages';
import { RESPONSE_STATES } from '@waypoint/shared/engagement/response-schemas';
import { SAFETY_REASON_KINDS } from '@waypoint/shared/engagement/safety';
import { PartId } from '@waypoint/shared/templates/template-schemas';
import { nextCursor } from '../openapi/resource-fields.ts';

const Timestamp = v.pipe(v.string(), v.isoTimestamp());

export const AlertResource = v.pipe(
  v.object({
    id: EntityId,
    source: v.optional(v.pipe(v.picklist(ALERT_SOURCES), v.description('`audit` for a safeguarding concern flagged in an audit; absent or `have-your-say` for a response'))),
    responseId: v.optional(EntityId),
    activityId: v.optional(EntityId),
    activityTitle: v.optional(v.string()),
    audience: v.optional(v.picklist(AUDIENCES)),
    teamId: v.optional(EntityId),
    caseRef: v.optional(v.pipe(CaseRef, v.description('The case the code was linked to, whatever the anonymity; for an audit, the audited case'))),
    codeId: v.optional(EntityId),
    language: v.optional(v.picklist(ENGAGEMENT_LANGUAGES)),
    reasons: v.optional(
      v.array(
        v.object({
          kind: v.picklist(SAFETY_REASON_KINDS),
          sectionId: PartId,
          questionId: PartId,
          phrase: v.optional(v.pipe(v.string(), v.description('The listed phrase found in the free text'))),
          phraseLanguage: v.optional(v.picklist(ENGAGEMENT_LANGUAGES)),
        }),
      ),
    ),
    sentTo: v.optional(v.pipe(v.string(), v.description('The duty contact the alert was emailed to'))),
    auditId: v.optional(EntityId),
    caseType: v.optional(v.pipe(v.picklist(CASE_TYPES), v.description('For an audit: the audited case’s type, by which the dashboard’s case type filter narrows its count of concerns not acknowledged in time'))),
    auditorId: v.optional(EntityId),
    sections: v.optional(v.pipe(v.array(v.object({ id: PartId, title: v.string() })), v.description('The audit sections flagged with a safeguarding concern'))),
    acknowledgeBy: v.optional(v.pipe(Timestamp, v.description('When a team manager or QA officer must have acknowledged it (the authority’s set hours after it was raised)'))),
    acknowledgedAt: v.optional(Timestamp),
    acknowledgedById: v.optional(EntityId),
    escalatedAt: v.optional(v.pipe(Timestamp, v.description('When the senior managers were emailed because nobody had acknowledged it in time'))),
    raisedAt: Timestamp,
    status: v.picklist(ALERT_STATUSES),
    actions: v.array(v.object({ id: EntityId, at: Timestamp, byId: EntityId, note: v.string(), status: v.picklist(['in-hand', 'closed']) })),
    version: v.pipe(v.number(), v.integer(), v.minValue(1)),
    updatedAt: Timestamp,
  }),
  v.title('SafetyAlert'),
);

export const AlertDetailResource = v.pipe(
  v.object({
    ...AlertResource.entries,
    response: v.nullable(
      v.object({
        id: EntityId,
        state: v.picklist(RESPONSE_STATES),
        templateId: v.string(),
        templateVersion: v.pipe(v.number(), v.integer()),
        answers: v.record(PartId, v.record(PartId, v.string())),
        submittedAt: v.nullable(Timestamp),
      }),
    ),
    people: v.pipe(v.record(v.string(), v.nullable(v.string())), v.description('Names of the staff who recorded actions, by id')),
  }),
  v.title('SafetyAlertDetail'),
);

export const AlertPageResource = v.object({ items: v.array(AlertResource), nextCursor });
