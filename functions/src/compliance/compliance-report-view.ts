/**
 * Reading the compliance report: the chosen scope's 12 months of monthly totals and each
 * team's, one Query of one contiguous range each, so its cost does not grow with the years
 * of checks behind it. The service dashboard reads the same rows for its compliance figure.
 */
import { periodMonths } from '@waypoint/shared/dashboards/dashboard-periods';
import { complianceReport } from '@waypoint/shared/compliance/compliance-report';
import type { ComplianceReport, ComplianceReportQuery } from '@waypoint/shared/compliance/compliance-schemas';
import { today } from '../audits/audit-checks.ts';
import type { TenantContext } from '../platform/auth/caller.ts';
import { ApiError } from '../platform/http/api-error.ts';
import { listTeams } from '../teams/team-store.ts';
import { readTotals } from '../totals/totals-store.ts';

export async function readComplianceReport(tenant: TenantContext, query: ComplianceReportQuery): Promise<ComplianceReport> {
  const thisMonth = today().slice(0, 7);
  const to = query.to ?? thisMonth;
  if (to > thisMonth) throw new ApiError('validation', 'The report cannot end after this month', { errors: [{ path: 'to', message: 'Choose this month or an earlier one' }] });
  const allTeams = await listTeams(tenant);
  if (query.team !== undefined && !allTeams.some((t) => t.id === query.team)) throw new ApiError('validation', 'The filter names a team that does not exist', { errors: [{ path: 'team', message: 'No such team' }] });
  const months = periodMonths('12m', to);
  const [from, last] = [months[0]!, months.at(-1)!];
  const shown = query.team === undefined ? allTeams : allTeams.filter((t) => t.id === query.team);
  const [rows, teamRows] = await Promise.all([readTotals(tenant, { teamId: query.team }, from, last), Promise.all(shown.map((t) => readTotals(tenant, { teamId: t.id }, from, last)))]);
  return complianceReport({ months, team: query.team ?? null, rows, teams: shown.map((t, i) => ({ teamId: t.id, name: t.name, rows: teamRows[i]! })) });
}
