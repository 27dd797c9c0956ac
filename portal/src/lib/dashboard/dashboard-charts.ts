/**
 * The service view's figures as rows for the shared bar chart, and each chart's summary in
 * words. Percentages are written out beside every bar; a group under 5 gets no bar, only
 * "fewer than 5", so its size cannot be read off the chart either.
 */
import type { AuditTimeliness, FairnessDimension, FeedbackThemesFigure, GradeCounts, ServiceView } from '@waypoint/shared/dashboards/service-view-schemas';
import { describeShown } from '@waypoint/shared/reporting/small-numbers';
import { countOf } from '@waypoint/shared/formatting/plurals';
import { GRADES, goodOrBetterCount, gradeLabel } from '@waypoint/shared/templates/grade-scale';
import type { BarInput } from '../components/charts/bar-chart.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function shortMonth(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

export function percent(share: number | null): string {
  return share === null ? 'not yet known' : `${Math.round(share * 100)}%`;
}

function gradeTotal(grades: GradeCounts): number {
  return GRADES.reduce((sum, g) => sum + grades[g], 0);
}

/** The audits due, then the four parts they split into (audit-timeliness.ts), which add up to them. */
export function timelinessRows(a: AuditTimeliness): BarInput[] {
  return [
    { key: 'due', label: 'Audits due', values: [a.due], text: String(a.due) },
    { key: 'on-time', label: 'Completed on time', values: [a.completedOnTime], text: String(a.completedOnTime) },
    { key: 'completed-late', label: 'Completed late', values: [a.completedLate], text: String(a.completedLate) },
    { key: 'late', label: 'Late, not yet completed', values: [a.late], text: String(a.late) },
    { key: 'not-yet-due', label: 'Not yet due', values: [a.notYetDue], text: String(a.notYetDue) },
  ];
}

/** "86% (18 of the 21 audits completed or late)": the share with the very figures it is worked out from. */
export function onTimeText(a: Pick<AuditTimeliness, 'completedOnTime' | 'onTimeOutOf' | 'onTimeShare'>): string {
  if (a.onTimeShare === null) return 'not yet known: no audit is completed or late';
  return `${percent(a.onTimeShare)} (${a.completedOnTime} of the ${a.onTimeOutOf} ${a.onTimeOutOf === 1 ? 'audit' : 'audits'} completed or late)`;
}

/** One stacked row of grades; the text gives the total and the share graded good or better. */
export function gradeRow(key: string, label: string, grades: GradeCounts): BarInput {
  const total = gradeTotal(grades);
  const good = goodOrBetterCount(grades);
  return { key, label, values: GRADES.map((g) => grades[g]), text: total === 0 ? 'None graded' : `${total} (${Math.round((good / total) * 100)}% good or better)` };
}

export function gradeRows(view: ServiceView): BarInput[] {
  return [gradeRow('overall', 'Overall grade', view.grades.overall), ...view.grades.sections.map((s) => gradeRow(s.sectionId, s.title.replace(/^\d+\.\s*/, ''), s.grades))];
}

export function trendRows(view: ServiceView): BarInput[] {
  return view.trend.map((m) => gradeRow(m.month, shortMonth(m.month), m.grades));
}

export function actionRows(view: ServiceView): BarInput[] {
  const a = view.actions;
  return [
    { key: 'raised', label: 'Raised', values: [a.raised], text: String(a.raised) },
    { key: 'done', label: 'Done', values: [a.done], text: String(a.done) },
    { key: 'verified', label: 'Verified', values: [a.verified], text: String(a.verified) },
    { key: 'overdue', label: 'Overdue', values: [a.overdue], text: String(a.overdue) },
  ];
}

export function areaRows(view: ServiceView): BarInput[] {
  return view.areasForDevelopment.map((a) => ({ key: a.sectionId, label: a.title.replace(/^\d+\.\s*/, ''), values: [a.belowGood], text: `${a.belowGood} below good` }));
}

/** Share completed on time per group, out of 100; hidden groups draw nothing. */
export function fairnessRows(dimension: FairnessDimension): BarInput[] {
  return dimension.groups.map((g) => ({
    key: g.group,
    label: g.label,
    values: [g.onTimeShare === null ? null : Math.round(g.onTimeShare * 100)],
    text: g.audits.suppressed ? 'fewer than 5' : g.onTimeShare === null ? `${describeShown(g.audits)} due` : `${percent(g.onTimeShare)} on time (${describeShown(g.completedOnTime)} of ${describeShown(g.onTimeOutOf)} completed or late)`,
  }));
}

/** Responses per theme; a theme under 5 draws no bar, only "fewer than 5". */
export function feedbackThemeRows(figure: FeedbackThemesFigure): BarInput[] {
  return figure.themes.map((t) => ({
    key: t.theme,
    label: t.theme,
    values: [t.count.value],
    text: t.count.suppressed ? 'fewer than 5' : `${t.count.value} (${percent(t.share)} of tagged responses)`,
  }));
}

export function gradeSeries(labels: readonly string[]): string[] {
  return GRADES.map((g) => gradeLabel(g, labels));
}

export function timelinessSummary(a: AuditTimeliness): string {
  return `${countOf(a.due, 'audit')} ${a.due === 1 ? 'was' : 'were'} due: ${a.completedOnTime} completed on time, ${a.completedLate} completed late, ${a.late} late and not yet completed, and ${a.notYetDue} not yet due. On time: ${onTimeText(a)}.`;
}

export function actionSummary(view: ServiceView): string {
  const a = view.actions;
  return `${countOf(a.raised, 'action')} ${a.raised === 1 ? 'was' : 'were'} raised; ${a.done} ${a.done === 1 ? 'is' : 'are'} done, ${a.verified} verified and ${a.overdue} overdue. Median days to done: ${a.medianDaysToDone ?? 'not yet known'}.`;
}
