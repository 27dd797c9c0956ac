/** The team page call of the Waypoint API, on top of the one typed client (a 403 or 404 from it becomes that page). */
import type { TeamView } from '@waypoint/shared/dashboards/team-view';
import type { Api } from '../server/api.ts';

export function teamApi(api: Api) {
  return {
    view: (teamId: string) => api.getJson<TeamView>(`/v1/dashboards/teams/${encodeURIComponent(teamId)}`),
  };
}
