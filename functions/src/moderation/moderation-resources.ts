/** Response schemas for moderation and agreement in the OpenAPI document. */
import * as v from 'valibot';
import { Month } from '@waypoint/shared/audits/audit-dates';
import { EntityId } from '@waypoint/shared/cases/case-schemas';
import { GradeValue } from '@waypoint/shared/templates/grade-scale';
import { versionedFields } from '../openapi/resource-fields.ts';
import { SlimAuditResource } from '../programmes/programme-resources.ts';

const people = v.pipe(v.record(v.string(), v.string()), v.description('Names of the staff named, by user id'));

export const ModerationResource = v.pipe(
  v.object({
    auditId: EntityId,
    month: Month,
    teamId: EntityId,
    auditorId: EntityId,
    moderatorId: EntityId,
    sections: v.pipe(v.record(v.string(), v.object({ grade: GradeValue, comment: v.optional(v.string()) })), v.description('The moderator’s grade (and comment) by section id')),
    overallGrade: v.optional(GradeValue),
    comment: v.string(),
    auditorSectionGrades: v.pipe(v.record(v.string(), GradeValue), v.description('The auditor’s section grades when moderated')),
    auditorOverallGrade: v.optional(GradeValue),
    ...versionedFields,
  }),
  v.title('Moderation'),
);

const AgreementResource = v.pipe(
  v.object({
    pairs: v.pipe(v.number(), v.integer(), v.description('Grades compared')),
    exact: v.pipe(v.number(), v.integer(), v.description('Of those, the same grade')),
    exactShare: v.pipe(v.nullable(v.number()), v.description('exact ÷ pairs; null with nothing to compare')),
    weightedKappa: v.pipe(v.nullable(v.number()), v.description('Cohen’s kappa with quadratic weights; null when undefined (no pairs, or every grade the same)')),
  }),
  v.title('Agreement'),
);

/** `grades`: every re-graded section and the overall grade; `overall`: the overall grade alone. */
const figures = {
  grades: AgreementResource,
  overall: AgreementResource,
  audits: v.pipe(v.number(), v.integer(), v.description('Audits moderated')),
};

export const AgreementReportResource = v.pipe(
  v.object({
    period: v.string(),
    months: v.array(Month),
    team: v.nullable(EntityId),
    all: v.object(figures),
    teams: v.array(v.object({ teamId: EntityId, teamName: v.string(), ...figures })),
  }),
  v.title('AgreementReport'),
);

export const ModerationSuggestionsResource = v.pipe(
  v.object({
    month: Month,
    seed: v.pipe(v.string(), v.description('The month’s seed: the same eligible audits always give the same suggestion')),
    size: v.number(),
    completed: v.pipe(v.number(), v.description('Audits completed in the month')),
    alreadyModerated: v.number(),
    eligible: v.pipe(v.number(), v.description('Completed, not yet moderated, not run by you')),
    items: v.array(SlimAuditResource),
    people,
  }),
  v.title('ModerationSuggestions'),
);

export const ModerationListResource = v.object({ month: Month, items: v.array(ModerationResource), people });

export const LatestModerationMonthResource = v.pipe(v.object({ month: Month }), v.title('LatestModerationMonth'));
