/** Response schemas for activities and invitation codes in the OpenAPI document. */
import * as v from 'valibot';
import { CASE_TYPES, CaseRef, EntityId } from '@waypoint/shared/cases/case-schemas';
import { ACTIVITY_STATES, ACTIVITY_TYPES, ActivityTranslations } from '@waypoint/shared/engagement/activity-schemas';
import { AUDIENCES } from '@waypoint/shared/engagement/audiences';
import { CODE_KINDS, CODE_STATUSES } from '@waypoint/shared/engagement/invitation-codes';
import { TemplateId } from '@waypoint/shared/templates/template-schemas';
import { nextCursor, versionedFields } from '../openapi/resource-fields.ts';

const Timestamp = v.pipe(v.string(), v.isoTimestamp());
const DateString = v.pipe(v.string(), v.isoDate());

export const ActivityResource = v.pipe(
  v.object({
    id: EntityId,
    type: v.picklist(ACTIVITY_TYPES),
    title: v.string(),
    description: v.optional(v.string()),
    audience: v.picklist(AUDIENCES),
    templateId: TemplateId,
    templateVersion: v.pipe(v.number(), v.integer(), v.minValue(1), v.description('The form version pinned when the activity was created')),
    formName: v.string(),
    opensOn: DateString,
    closesOn: v.optional(v.pipe(DateString, v.description('Absent: open until a closing date is set'))),
    teamId: v.optional(EntityId),
    caseType: v.optional(v.picklist(CASE_TYPES)),
    publicLink: v.pipe(v.boolean(), v.description('Anyone may answer anonymously through the public link, without a code')),
    translations: v.optional(ActivityTranslations),
    state: v.pipe(v.picklist(ACTIVITY_STATES), v.description('From the dates and today in Europe/London')),
    createdBy: EntityId,
    ...versionedFields,
  }),
  v.title('EngagementActivity'),
);

export const ActivityDetailResource = v.pipe(
  v.object({
    ...ActivityResource.entries,
    counts: v.object({
      started: v.pipe(v.number(), v.integer(), v.description('Responses begun (sessions that opened one)')),
      submitted: v.pipe(v.number(), v.integer(), v.description('Responses sent')),
    }),
  }),
  v.title('EngagementActivityDetail'),
);

export const ActivityPageResource = v.object({ items: v.array(ActivityResource), nextCursor });

export const CodeResource = v.pipe(
  v.object({
    id: EntityId,
    activityId: EntityId,
    code: v.pipe(v.string(), v.regex(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/), v.description('As it is read out and printed, `ABCD-EFGH`')),
    kind: v.picklist(CODE_KINDS),
    expiresOn: v.pipe(v.nullable(DateString), v.description('The last day it works; null: for as long as the activity is open')),
    caseRef: v.optional(CaseRef),
    maxResponses: v.pipe(v.number(), v.integer(), v.minValue(1)),
    label: v.optional(v.string()),
    issuedBy: EntityId,
    createdAt: Timestamp,
    revokedAt: v.optional(Timestamp),
    revokedBy: v.optional(EntityId),
    sessions: v.pipe(v.number(), v.integer()),
    submissions: v.pipe(v.number(), v.integer()),
    status: v.picklist(CODE_STATUSES),
    version: versionedFields.version,
  }),
  v.title('InvitationCode'),
);

export const CodePageResource = v.object({ items: v.array(CodeResource), nextCursor });
