/**
 * The rows behind each figure of the service view as CSV, with the authority's grade names.
 * Cells go through `toCsv`, so a team or section title can never run as a formula; small
 * groups read "fewer than 5" here exactly as on the screen.
 */
import { ACTION_DIFFERENCES, ACTION_DIFFERENCE_LABELS } from '../actions/action-schemas.ts';
import { toCsv } from '../reporting/csv.ts';
import { describeShown } from '../reporting/small-numbers.ts';
import { GRADES, gradeLabel } from '../templates/grade-scale.ts';
import type { AgreementFigure, ServiceFigure, ServiceView } from './service-view-schemas.ts';

type Cell = string | number | null;

const share = (value: number | null) => (value === null ? '' : Math.round(value * 1000) / 10);

function moderationRows(scope: string, figure: AgreementFigure, labels: readonly string[]): Cell[][] {
  return GRADES.flatMap((auditor, a) => GRADES.map((moderator, m) => [scope, gradeLabel(auditor, labels), gradeLabel(moderator, labels), figure.table[a]![m]!]));
}

/** The CSV of one figure, and a file name that says what and when. */
export function serviceFigureCsv(view: ServiceView, figure: ServiceFigure, labels: readonly string[]): { filename: string; csv: string } {
  const grades = GRADES.map((g) => gradeLabel(g, labels));
  const filename = `waypoint-${figure}-${view.period.from}-to-${view.period.to}${view.filters.team ? `-${view.filters.team}` : ''}${view.filters.caseType ? `-${view.filters.caseType}` : ''}.csv`;
  const csv = (header: string[], rows: Cell[][]) => ({ filename, csv: toCsv(header, rows) });
  switch (figure) {
    case 'timeliness':
      return csv(
        ['month', 'audits due', 'completed', 'completed on time', 'completed late', 'late and not yet completed', 'not yet due', 'completed or late', 'on time (%)'],
        view.trend.map((m) => [m.month, m.due, m.completed, m.completedOnTime, m.completedLate, m.late, m.notYetDue, m.onTimeOutOf, share(m.onTimeOutOf > 0 ? m.completedOnTime / m.onTimeOutOf : null)]),
      );
    case 'grades':
      return csv(['part', ...grades], [['Overall', ...GRADES.map((g) => view.grades.overall[g])], ...view.grades.sections.map((s) => [s.title, ...GRADES.map((g) => s.grades[g])])]);
    case 'trend':
      return csv(
        ['month', ...grades],
        view.trend.map((m) => [m.month, ...GRADES.map((g) => m.grades[g])]),
      );
    case 'moderation':
      return csv(['grades compared', 'auditor’s grade', 'moderator’s grade', 'count'], [...moderationRows('Overall grade', view.moderation.overall, labels), ...moderationRows('Every re-graded grade', view.moderation.grades, labels)]);
    case 'actions': {
      const a = view.actions;
      const rows: Cell[][] = [
        ['Raised', a.raised],
        ['Done', a.done],
        ['Done by the due date', a.doneOnTime],
        ['Verified', a.verified],
        ['Cancelled', a.cancelled],
        ['Open', a.open],
        ['Overdue (due in the period)', a.overdue],
        ['Median days to done', a.medianDaysToDone],
        ...ACTION_DIFFERENCES.map((d): Cell[] => [`Made a difference for the child: ${ACTION_DIFFERENCE_LABELS[d]}`, a.difference[d]]),
      ];
      return csv(['figure', 'value'], rows);
    }
    case 'days-to-done':
      return csv(
        ['from day', 'to day', 'actions'],
        view.actions.daysToDone.map((b) => [b.from, b.to ?? 'a year or more', b.count]),
      );
    case 'areas-for-development':
      return csv(
        ['section', 'graded below good', 'actions raised'],
        view.areasForDevelopment.map((a) => [a.title, a.belowGood, a.actionsRaised]),
      );
    case 'fairness':
      return csv(
        ['dimension', 'group', 'audits due', 'completed on time', 'completed or late', 'on time (%)', ...grades],
        view.fairness.flatMap((d) => d.groups.map((g) => [d.label, g.label, describeShown(g.audits), describeShown(g.completedOnTime), describeShown(g.onTimeOutOf), share(g.onTimeShare), ...GRADES.map((grade) => describeShown(g.grades[grade]))])),
      );
    case 'feedback-themes': {
      const f = view.feedbackThemes;
      return csv(['theme', 'responses', 'share of tagged responses (%)'], [['Responses tagged with any theme', describeShown(f.taggedResponses), ''], ...f.themes.map((t): Cell[] => [t.theme, describeShown(t.count), share(t.share)])]);
    }
  }
}
