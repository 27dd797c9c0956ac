/**
 * Reading a team's page: one Query of the team's monthly totals from the first of the 12
 * months onwards (the 12 months, and any later month holding open actions or re-audits due),
 * then the service view of the 12 months by the dashboard's own function, open and overdue
 * actions by owner and re-audits due from the same items. Section titles and people's names
 * are kept in memory, so a warm read is that one Query and the team's GetItem.
 */
import { periodMonths } from '@waypoint/shared/dashboards/dashboard-periods';
import { serviceView } from '@waypoint/shared/dashboards/service-figures';
import { ownerActions, ownerIds, teamReaudits, type TeamView } from '@waypoint/shared/dashboards/team-view';
import type { Team } from '@waypoint/shared/teams/team-schemas';
import { today } from '../audits/audit-checks.ts';
import type { TenantContext } from '../platform/auth/caller.ts';
import { readTotals } from '../totals/totals-store.ts';
import { currentUsers } from '../users/current-user-cache.ts';
import { feedbackThemeList } from './feedback-theme-list.ts';
import { overallGradeSections, sectionTitles } from './section-titles.ts';

/** Later than any due date or planned month: the read runs to the end of the team's items. */
const LAST_MONTH = '9999-12';

export async function readTeamView(tenant: TenantContext, team: Pick<Team, 'id' | 'name'>): Promise<TeamView> {
  const now = today();
  const thisMonth = now.slice(0, 7);
  const months = periodMonths('12m', thisMonth);
  const [rows, titles, overallSections, themes] = await Promise.all([readTotals(tenant, { teamId: team.id }, months[0]!, LAST_MONTH), sectionTitles(tenant), overallGradeSections(tenant), feedbackThemeList(tenant)]);
  const inPeriod = rows.filter((row) => row.month <= thisMonth);
  const service = serviceView({ period: '12m', months, filters: { team: team.id, caseType: null }, today: now, rows: inPeriod, sectionTitles: titles, overallGradeSections: overallSections, themes });
  const names = await currentUsers.names(tenant, ownerIds(rows));
  return { team: { id: team.id, name: team.name }, service, owners: ownerActions(rows, now, names), reaudits: teamReaudits(rows, thisMonth) };
}
