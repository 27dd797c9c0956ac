/**
 * The compliance report from monthly totals: % compliant overall, by month (the 12-month
 * trend), by checklist item and by team. Pure, so the figures can be specified from fixed
 * totals and the dashboard's figure is the same sum.
 */
import { sumRows, type TotalsRow } from '../dashboards/totals-rollups.ts';
import { COMPLIANCE_ITEMS, COMPLIANCE_ITEM_LABELS } from './compliance-checklist.ts';
import { toCsv } from '../reporting/csv.ts';
import type { ComplianceReport, ComplianceReportFigure } from './compliance-schemas.ts';
import { complianceFigure } from './compliance-totals.ts';

export function complianceReport(inputs: {
  months: readonly string[];
  team: string | null;
  /** The scope's totals (the authority's, or the team's), at most one per month. */
  rows: readonly TotalsRow[];
  /** Each team's totals for the same months, in the order to list them. */
  teams: readonly { teamId: string; name: string; rows: readonly TotalsRow[] }[];
}): ComplianceReport {
  const byMonth = new Map(inputs.rows.map((row) => [row.month, row.counters]));
  const total = sumRows(inputs.rows);
  return {
    period: { from: inputs.months[0]!, to: inputs.months.at(-1)!, months: [...inputs.months] },
    filters: { team: inputs.team },
    overall: complianceFigure(total),
    months: inputs.months.map((month) => ({ month, ...complianceFigure(byMonth.get(month) ?? {}) })),
    items: COMPLIANCE_ITEMS.map((item) => {
      const { checks: _checks, fullyCompliant: _full, ...figure } = complianceFigure(total, item);
      return { item, label: COMPLIANCE_ITEM_LABELS[item], ...figure };
    }),
    teams: inputs.teams.map((team) => ({ teamId: team.teamId, name: team.name, ...complianceFigure(sumRows(team.rows)) })),
  };
}

const percent = (share: number | null) => (share === null ? '' : Math.round(share * 1000) / 10);

/** One figure of the report as CSV (through `toCsv`, so no team name runs as a formula). */
export function complianceReportCsv(report: ComplianceReport, figure: ComplianceReportFigure): { filename: string; csv: string } {
  const columns = ['yes', 'no', 'not applicable', 'compliant (%)'];
  const scope = report.filters.team ? `-${report.filters.team}` : '';
  const filename = `waypoint-compliance-${figure}-${report.period.from}-to-${report.period.to}${scope}.csv`;
  switch (figure) {
    case 'months':
      return {
        filename,
        csv: toCsv(
          ['month', 'checks', ...columns, 'checks with no "no"'],
          report.months.map((m) => [m.month, m.checks, m.yes, m.no, m.notApplicable, percent(m.share), m.fullyCompliant]),
        ),
      };
    case 'items':
      return {
        filename,
        csv: toCsv(
          ['item', ...columns],
          report.items.map((i) => [i.label, i.yes, i.no, i.notApplicable, percent(i.share)]),
        ),
      };
    case 'teams':
      return {
        filename,
        csv: toCsv(
          ['team', 'checks', ...columns, 'checks with no "no"'],
          report.teams.map((t) => [t.name, t.checks, t.yes, t.no, t.notApplicable, percent(t.share), t.fullyCompliant]),
        ),
      };
  }
}
