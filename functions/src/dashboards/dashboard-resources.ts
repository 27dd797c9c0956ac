/** Response schemas for the service, case and practitioner levels in the OpenAPI document. */
import * as v from 'valibot';
import { ACTION_DIFFERENCES } from '@waypoint/shared/actions/action-schemas';
import { IsoDate, Month } from '@waypoint/shared/audits/audit-dates';
import { AUDIT_STATES } from '@waypoint/shared/audits/audit-schemas';
import { CASE_TYPES, EntityId } from '@waypoint/shared/cases/case-schemas';
import { DASHBOARD_PERIODS } from '@waypoint/shared/dashboards/dashboard-periods';
import { SERVICE_FIGURES } from '@waypoint/shared/dashboards/service-view-schemas';
import { DEMOGRAPHIC_DIMENSIONS } from '@waypoint/shared/demographics/demographics';
import { GradeValue } from '@waypoint/shared/templates/grade-scale';
import { ActionViewResource } from '../actions/action-resources.ts';
import { AuditSummaryResource } from '../audits/audit-resources.ts';
import { CaseJourneyResource } from '../journey/journey-resources.ts';
import { ReflectionResource } from '../reflections/reflection-resources.ts';
import { ComplianceFigureResource } from '../compliance/compliance-resources.ts';

const n = v.pipe(v.number(), v.integer(), v.minValue(0));
const share = v.pipe(v.nullable(v.number()), v.description('0 to 1; null when there is nothing to divide by'));
const grades = v.pipe(v.object({ outstanding: n, good: n, 'requires-improvement': n, inadequate: n }), v.title('GradeCounts'));
const shown = v.pipe(v.object({ value: v.nullable(n), suppressed: v.pipe(v.boolean(), v.description('True when the figure is under 5 (or would give one away): show “fewer than 5”, never a number')) }), v.title('ShownCount'));
const people = v.pipe(v.record(v.string(), v.string()), v.description('Names of the staff named, by user id'));
const sectionGrades = v.pipe(v.object({ sectionId: v.string(), title: v.string(), grades, belowGood: n }), v.title('SectionGrades'));
const timeliness = {
  due: v.pipe(n, v.description('Audits of the months that were not cancelled')),
  completed: n,
  completedOnTime: v.pipe(n, v.description('Completed by the last day of their month (London)')),
  completedLate: v.pipe(n, v.description('Completed after the last day of their month')),
  outstanding: v.pipe(n, v.description('Planned or in progress: late + notYetDue')),
  late: v.pipe(n, v.description('Still planned or in progress after their month ended')),
  notYetDue: v.pipe(n, v.description('Planned or in progress in a month not yet over')),
  onTimeOutOf: v.pipe(n, v.description('The audits completed or late (due − notYetDue): what the share on time is out of')),
};
const agreement = v.pipe(
  v.object({
    pairs: n,
    exact: n,
    exactShare: share,
    weightedKappa: v.pipe(v.nullable(v.number()), v.description('Quadratic-weighted kappa; null when undefined')),
    table: v.pipe(v.array(v.array(n)), v.description('`table[auditor][moderator]`, grades best first')),
  }),
  v.title('AgreementFigure'),
);

export const ServiceViewResource = v.pipe(
  v.object({
    period: v.object({ kind: v.picklist(DASHBOARD_PERIODS), from: Month, to: Month, months: v.array(Month) }),
    filters: v.object({ team: v.nullable(EntityId), caseType: v.nullable(v.picklist(CASE_TYPES)) }),
    today: v.pipe(IsoDate, v.description('The London date late and overdue were judged on')),
    audits: v.object({ ...timeliness, onTimeShare: v.pipe(share, v.description('completedOnTime ÷ onTimeOutOf; null while no audit is completed or late')) }),
    trend: v.array(v.object({ month: Month, ...timeliness, grades, actionsRaised: n, actionsDone: n })),
    grades: v.object({ overall: grades, sections: v.array(sectionGrades) }),
    moderation: v.object({ audits: n, overall: agreement, grades: agreement }),
    actions: v.object({
      raised: v.pipe(n, v.description('Raised in the period; the rest say what has become of those since')),
      done: n,
      doneOnTime: n,
      verified: n,
      cancelled: n,
      open: n,
      overdue: v.pipe(n, v.description('Open actions due in the period whose due date has passed')),
      medianDaysToDone: v.pipe(v.nullable(v.number()), v.description('Exact up to 30 days; beyond, to the week')),
      daysToDone: v.array(v.object({ from: n, to: v.nullable(n), count: n })),
      difference: v.pipe(v.object(Object.fromEntries(ACTION_DIFFERENCES.map((d) => [d, n]))), v.description('Re-audits’ answers: did the action make a difference for the child?')),
    }),
    areasForDevelopment: v.pipe(v.array(v.object({ sectionId: v.string(), title: v.string(), belowGood: n, actionsRaised: n })), v.description('At most five, most common first')),
    fairness: v.array(
      v.object({
        dimension: v.picklist(DEMOGRAPHIC_DIMENSIONS),
        label: v.string(),
        groups: v.array(v.object({ group: v.string(), label: v.string(), audits: shown, completedOnTime: shown, onTimeOutOf: shown, onTimeShare: share, grades: v.object({ outstanding: shown, good: shown, 'requires-improvement': shown, inadequate: shown }) })),
      }),
    ),
    feedbackThemes: v.pipe(
      v.object({
        // Responses sent in the period that staff tagged with at least one theme.
        taggedResponses: shown,
        withheld: v.pipe(v.boolean(), v.description('True when fewer than 5 responses were tagged: no figure is given at all')),
        themes: v.pipe(
          v.array(v.object({ theme: v.string(), count: shown, share: v.pipe(share, v.description('Of the tagged responses; null when the count is withheld')) })),
          v.description('The authority’s themes; shown counts most common first, then the rest in the authority’s order; empty when withheld'),
        ),
      }),
      v.title('ServiceFeedbackThemes'),
      v.description('What children and families told us: the themes staff tagged sent feedback with, by the month each response was sent'),
    ),
    compliance: ComplianceFigureResource,
    gradeAgreement: v.pipe(
      v.object({ given: v.number(), agreed: v.nullable(v.number()), share: v.nullable(v.number()) }),
      v.description('Views case holders and students gave on the section grades of the period’s audits, and how many agreed; `agreed` and `share` are null under 5 views'),
    ),
    safeguardingOverdue: v.optional(v.pipe(v.number(), v.description('Safeguarding concerns from audits escalated to the senior managers and still not acknowledged, today (the team and case type filters apply, the case type being the audited case’s)'))),
    exports: v.pipe(v.array(v.picklist(SERVICE_FIGURES)), v.description('Figures `/v1/dashboards/service/export` gives as CSV')),
  }),
  v.title('ServiceView'),
);

export const CaseEvidenceResource = v.pipe(
  v.object({
    case: v.record(v.string(), v.unknown()),
    audits: v.array(AuditSummaryResource),
    gradesOverTime: v.array(v.object({ auditId: EntityId, month: Month, state: v.picklist(AUDIT_STATES), completedOn: IsoDate, overallGrade: v.optional(GradeValue), sectionGrades: v.record(v.string(), GradeValue) })),
    journey: CaseJourneyResource,
    actions: v.array(ActionViewResource),
    actionCounts: v.object({ open: n, overdue: n, done: n, verified: n, cancelled: n }),
    sectionTitles: v.record(v.string(), v.string()),
    people,
    today: IsoDate,
  }),
  v.title('CaseEvidence'),
);

export const PractitionerLearningResource = v.pipe(
  v.object({
    practitioner: v.object({ id: EntityId, name: v.string(), role: v.string(), teamIds: v.array(EntityId) }),
    audits: v.array(
      v.object({
        id: EntityId,
        caseRef: v.string(),
        month: Month,
        state: v.picklist(AUDIT_STATES),
        templateName: v.string(),
        role: v.picklist(['case-holder', 'student']),
        overallGrade: v.optional(GradeValue),
        sectionGrades: v.record(v.string(), GradeValue),
        completedAt: v.optional(v.string()),
      }),
    ),
    grades: v.object({ overall: grades, sections: v.array(sectionGrades) }),
    gradesByMonth: v.pipe(
      v.array(
        v.object({
          month: Month,
          grades,
          areasForDevelopment: v.pipe(v.array(v.object({ sectionId: v.string(), title: v.string(), belowGood: n })), v.description('Sections graded requires improvement or inadequate that month, most often first')),
        }),
      ),
      v.description('The twelve London months to this one, oldest first: completed audits of their cases by overall grade, in the month each was completed'),
    ),
    reflections: v.array(ReflectionResource),
    actions: v.array(ActionViewResource),
    learningThemes: v.array(v.object({ sectionId: v.string(), title: v.string(), belowGood: n, actions: n })),
    people,
    today: IsoDate,
  }),
  v.title('PractitionerLearning'),
);

export const TeamViewResource = v.pipe(
  v.object({
    team: v.object({ id: EntityId, name: v.string() }),
    // The team's 12 months to this one, exactly as `/v1/dashboards/service?period=12m&team=` gives them.
    service: ServiceViewResource,
    owners: v.pipe(
      v.array(v.object({ ownerId: EntityId, name: v.string(), open: v.pipe(n, v.description('Open or in progress, due from the first of the 12 months onwards')), overdue: v.pipe(n, v.description('Of those, due before today')) })),
      v.description('Everyone holding an open action of the team, in alphabetical order of name: counts only, never a ranking'),
    ),
    reaudits: v.object({
      months: v.array(v.object({ month: Month, due: n, completed: n, toDo: n })),
      late: v.pipe(n, v.description('Not completed in a month that has ended')),
      thisMonth: n,
      upcoming: n,
    }),
  }),
  v.title('TeamView'),
);
