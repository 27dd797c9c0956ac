/** Response schemas for the case holder's views on grades in the OpenAPI document. */
import * as v from 'valibot';
import { REFLECTION_AUTHOR_ROLES } from '@waypoint/shared/audits/reflection-schemas';
import { EntityId } from '@waypoint/shared/cases/case-schemas';
import { GRADES } from '@waypoint/shared/templates/grade-scale';
import { PartId } from '@waypoint/shared/templates/template-schemas';

const Timestamp = v.pipe(v.string(), v.isoTimestamp());

export const GradeViewResource = v.pipe(
  v.object({
    sectionId: PartId,
    personId: EntityId,
    role: v.picklist(REFLECTION_AUTHOR_ROLES),
    grade: v.pipe(v.picklist(GRADES), v.description('The grade the view is about, as it was when given')),
    agrees: v.boolean(),
    reason: v.optional(v.pipe(v.string(), v.description('Why they disagree'))),
    at: Timestamp,
    reply: v.optional(v.pipe(v.object({ byId: EntityId, text: v.string(), at: Timestamp }), v.description('The auditor’s or QA’s reply to a disagreement'))),
  }),
  v.title('GradeView'),
);

export const GradeViewsResource = v.pipe(
  v.object({
    auditId: EntityId,
    views: v.array(GradeViewResource),
    version: v.pipe(v.number(), v.integer(), v.minValue(0), v.description('0 before anyone has given a view')),
    people: v.pipe(v.record(v.string(), v.string()), v.description('Names of the people the views name, by user id')),
  }),
  v.title('GradeViews'),
);
