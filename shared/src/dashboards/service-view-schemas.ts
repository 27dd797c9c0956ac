/**
 * The service-level view: what QA officers and senior managers ask of it (a period, a team,
 * a case type) and what it answers, figure by figure. Every figure comes from the monthly
 * totals; none names or ranks a member of staff.
 */
import * as v from 'valibot';
import type { ActionDifference } from '../actions/action-schemas.ts';
import type { ComplianceFigure } from '../compliance/compliance-schemas.ts';
import type { GradeAgreementFigure } from '../audits/grade-view-totals.ts';
import { Month } from '../audits/audit-dates.ts';
import { CASE_TYPES, EntityId, type CaseType } from '../cases/case-schemas.ts';
import type { DemographicDimension } from '../demographics/demographics.ts';
import type { Agreement } from '../moderation/agreement.ts';
import type { Shown } from '../reporting/small-numbers.ts';
import type { Grade } from '../templates/grade-scale.ts';
import { DASHBOARD_PERIODS, type DashboardPeriod } from './dashboard-periods.ts';

const filterEntries = {
  period: v.optional(v.picklist(DASHBOARD_PERIODS, 'Choose a period: month, quarter or 12m'), '12m'),
  /** The month the period ends with; this month (London) when absent, never a later one. */
  to: v.optional(Month),
  team: v.optional(EntityId),
  caseType: v.optional(v.picklist(CASE_TYPES, 'Choose a case type')),
};

/** Strict: an unknown filter is refused rather than silently ignored. */
export const ServiceViewQuery = v.strictObject(filterEntries);
export type ServiceViewQuery = v.InferOutput<typeof ServiceViewQuery>;

/** The figures that can be exported as CSV, each the rows behind one chart or table. */
export const SERVICE_FIGURES = ['timeliness', 'grades', 'trend', 'moderation', 'actions', 'days-to-done', 'areas-for-development', 'fairness', 'feedback-themes'] as const;
export type ServiceFigure = (typeof SERVICE_FIGURES)[number];

export const ServiceExportQuery = v.strictObject({ ...filterEntries, figure: v.picklist(SERVICE_FIGURES, 'Choose a figure to export') });
export type ServiceExportQuery = v.InferOutput<typeof ServiceExportQuery>;

export type GradeCounts = Record<Grade, number>;

/**
 * Audits by where they stand against their due date, the last day of their month (one
 * definition, `programme/audit-timeliness.ts`): completedOnTime + completedLate + late +
 * notYetDue = due.
 */
export interface AuditTimeliness {
  /** Audits of the period's months that were not cancelled. */
  due: number;
  completed: number;
  /** Completed by the last day of their month (London). */
  completedOnTime: number;
  /** Completed after it. */
  completedLate: number;
  /** Planned or in progress: late + notYetDue. */
  outstanding: number;
  /** Still planned or in progress after their month ended. */
  late: number;
  /** Planned or in progress in a month not yet over. */
  notYetDue: number;
  /** What the share on time is out of: the audits completed or late (due − notYetDue). */
  onTimeOutOf: number;
  /** completedOnTime ÷ onTimeOutOf; null while that is 0. */
  onTimeShare: number | null;
}

export interface MonthFigures extends Omit<AuditTimeliness, 'onTimeShare'> {
  month: string;
  grades: GradeCounts;
  actionsRaised: number;
  actionsDone: number;
}

export interface SectionGrades {
  sectionId: string;
  title: string;
  grades: GradeCounts;
  /** Requires improvement or inadequate. */
  belowGood: number;
}

/** Agreement with its table: `table[auditor][moderator]`, grades best first. */
export interface AgreementFigure extends Agreement {
  table: number[][];
}

export interface DaysToDoneBin {
  from: number;
  /** null for "a year or more". */
  to: number | null;
  count: number;
}

export interface ActionFigures {
  /** Actions raised in the period, and what has become of them since. */
  raised: number;
  done: number;
  doneOnTime: number;
  verified: number;
  cancelled: number;
  open: number;
  /** Open actions due in the period whose due date has passed (today, London). */
  overdue: number;
  /** Exact up to 30 days; beyond that, the first day of its week. */
  medianDaysToDone: number | null;
  daysToDone: DaysToDoneBin[];
  /** The re-audits' answers: did the action make a difference for the child? */
  difference: Record<ActionDifference, number>;
}

export interface AreaForDevelopment {
  sectionId: string;
  title: string;
  belowGood: number;
  actionsRaised: number;
}

export interface FairnessGroup {
  group: string;
  label: string;
  /** Audits due for children in the group; "fewer than 5" hides every figure of the group. */
  audits: Shown;
  completedOnTime: Shown;
  /** The group's audits completed or late, what its share on time is out of; hidden with the share. */
  onTimeOutOf: Shown;
  /** completedOnTime ÷ onTimeOutOf, when both it and the rest can be shown. */
  onTimeShare: number | null;
  grades: Record<Grade, Shown>;
}

export interface FairnessDimension {
  dimension: DemographicDimension;
  label: string;
  groups: FairnessGroup[];
}

export interface FeedbackThemeCount {
  theme: string;
  /** Responses tagged with the theme; under 5 reads "fewer than 5". */
  count: Shown;
  /** count ÷ tagged responses, when the count is shown. */
  share: number | null;
}

/** What children and families told us: the themes staff tagged sent feedback with, in the period. */
export interface FeedbackThemesFigure {
  /** Sent in the period and tagged with at least one theme. */
  taggedResponses: Shown;
  /** Fewer than 5 responses were tagged: no figure at all, not even the themes' counts. */
  withheld: boolean;
  /** Shown counts most common first, then the rest in the authority's order; empty when withheld. */
  themes: FeedbackThemeCount[];
}

export interface ServiceView {
  period: { kind: DashboardPeriod; from: string; to: string; months: string[] };
  filters: { team: string | null; caseType: CaseType | null };
  /** The London date the view was worked out on (what "late" and "overdue" are judged against). */
  today: string;
  audits: AuditTimeliness;
  trend: MonthFigures[];
  grades: { overall: GradeCounts; sections: SectionGrades[] };
  moderation: { audits: number; overall: AgreementFigure; grades: AgreementFigure };
  actions: ActionFigures;
  areasForDevelopment: AreaForDevelopment[];
  fairness: FairnessDimension[];
  feedbackThemes: FeedbackThemesFigure;
  /** Records compliance checks of the period: the same sum as the compliance report's overall figure. */
  compliance: ComplianceFigure;
  /** How often case holders (and students) agreed with the grades of the period's audits; the share only from 5 views. */
  gradeAgreement: GradeAgreementFigure;
  /** Safeguarding concerns from audits not acknowledged in time and still not acknowledged (today, not the period). */
  safeguardingOverdue?: number;
  /** Figures that `GET /v1/dashboards/service/export?figure=` gives as CSV. */
  exports: ServiceFigure[];
}
