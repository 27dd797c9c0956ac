/**
 * The rows behind each figure of the team page as CSV: the service figures through the
 * dashboard's own writer (so a download matches the dashboard's for the team), and the
 * owners and re-audits tables. Owners are in alphabetical order, as on the page.
 */
import { toCsv } from '../reporting/csv.ts';
import { serviceFigureCsv } from './service-csv.ts';
import type { TeamFigure, TeamView } from './team-view.ts';

export function teamFigureCsv(view: TeamView, figure: TeamFigure, labels: readonly string[]): { filename: string; csv: string } {
  const filename = `waypoint-team-${figure}-${view.service.period.from}-to-${view.service.period.to}-${view.team.id}.csv`;
  switch (figure) {
    case 'actions-by-owner':
      return {
        filename,
        csv: toCsv(
          ['owner', 'open actions', 'of them overdue'],
          view.owners.map((o) => [o.name, o.open, o.overdue]),
        ),
      };
    case 'reaudits':
      return {
        filename,
        csv: toCsv(
          ['month', 're-audits due', 'completed', 'still to do'],
          view.reaudits.months.map((m) => [m.month, m.due, m.completed, m.toDo]),
        ),
      };
    default:
      return { filename, csv: serviceFigureCsv(view.service, figure, labels).csv };
  }
}
