/** Response schemas for safety alerts in the OpenAPI document. */
import * as v from 'valibot';
import { CaseRef, EntityId } from '@waypoint/shared/cases/case-schemas';
import { ALERT_STATUSES } from '@waypoint/shared/engagement/alert-schemas';
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
    responseId: EntityId,
    activityId: EntityId,
    activityTitle: v.string(),
    audience: v.picklist(AUDIENCES),
    teamId: v.optional(EntityId),
    caseRef: v.optional(v.pipe(CaseRef, v.description('The case the code was linked to, whatever the anonymity'))),
    codeId: v.optional(EntityId),
    language: v.picklist(ENGAGEMENT_LANGUAGES),
    reasons: v.array(
      v.object({
        kind: v.picklist(SAFETY_REASON_KINDS),
        sectionId: PartId,
        questionId: PartId,
        phrase: v.optional(v.pipe(v.string(), v.description('The listed phrase found in the free text'))),
        phraseLanguage: v.optional(v.picklist(ENGAGEMENT_LANGUAGES)),
      }),
    ),
    raisedAt: Timestamp,
    sentTo: v.pipe(v.string(), v.description('The duty contact the alert was emailed to')),
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
