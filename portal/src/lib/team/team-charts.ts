/** Re-audits due as rows for the shared bar chart, and the chart's summary in words. */
import type { TeamReaudits } from '@waypoint/shared/dashboards/team-view';
import { countOf } from '@waypoint/shared/formatting/plurals';
import type { BarInput } from '../components/charts/bar-chart.ts';

export function reauditRows(r: TeamReaudits): BarInput[] {
  return [
    { key: 'late', label: 'Late', values: [r.late], text: String(r.late) },
    { key: 'this-month', label: 'Due this month', values: [r.thisMonth], text: String(r.thisMonth) },
    { key: 'upcoming', label: 'Due in the months to come', values: [r.upcoming], text: String(r.upcoming) },
  ];
}

export function reauditSummary(r: TeamReaudits): string {
  return `Still to do: ${countOf(r.late, 're-audit')} late, ${r.thisMonth} due this month and ${r.upcoming} due in the months to come.`;
}
