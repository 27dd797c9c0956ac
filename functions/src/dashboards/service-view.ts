/**
 * Reading the service view: one Query of the chosen level's monthly totals (a dozen items for
 * twelve months, whatever the history), and the section titles and feedback themes, kept in
 * memory. "Overdue" changes with the date, so it is read from the same items' counts of open
 * actions by due day.
 */
import { periodMonths } from '@waypoint/shared/dashboards/dashboard-periods';
import { serviceView } from '@waypoint/shared/dashboards/service-figures';
import type { ServiceView, ServiceViewQuery } from '@waypoint/shared/dashboards/service-view-schemas';
import { today } from '../audits/audit-checks.ts';
import type { TenantContext } from '../platform/auth/caller.ts';
import { ApiError } from '../platform/http/api-error.ts';
import { getTeam } from '../teams/team-store.ts';
import { readTotals } from '../totals/totals-store.ts';
import { countEscalatedAlerts } from '../alerts/alert-store.ts';
import { feedbackThemeList } from './feedback-theme-list.ts';
import { overallGradeSections, sectionTitles } from './section-titles.ts';

export async function readServiceView(tenant: TenantContext, query: ServiceViewQuery): Promise<ServiceView> {
  const now = today();
  const thisMonth = now.slice(0, 7);
  const to = query.to ?? thisMonth;
  if (to > thisMonth) throw new ApiError('validation', 'The period cannot end after this month', { errors: [{ path: 'to', message: 'Choose this month or an earlier one' }] });
  if (query.team !== undefined && !(await getTeam(tenant, query.team))) throw new ApiError('validation', 'The filter names a team that does not exist', { errors: [{ path: 'team', message: 'No such team' }] });
  const months = periodMonths(query.period, to);
  const scope = { teamId: query.team, caseType: query.caseType };
  const [rows, titles, overallSections, themes, safeguardingOverdue] = await Promise.all([
    readTotals(tenant, scope, months[0]!, months.at(-1)!),
    sectionTitles(tenant),
    overallGradeSections(tenant),
    feedbackThemeList(tenant),
    countEscalatedAlerts(tenant, { teamId: query.team, caseType: query.caseType }),
  ]);
  const view = serviceView({ period: query.period, months, filters: { team: query.team ?? null, caseType: query.caseType ?? null }, today: now, rows, sectionTitles: titles, overallGradeSections: overallSections, themes });
  // Today's figure, not the period's: concerns from audits still waiting for someone, whatever month they were raised.
  return { ...view, safeguardingOverdue };
}
