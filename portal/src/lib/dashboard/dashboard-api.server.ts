/** The service view call of the Waypoint API, on top of the one typed client. */
import type { ServiceView } from '@waypoint/shared/dashboards/service-view-schemas';
import type { Api } from '../server/api.ts';
import type { DashboardQuery } from './dashboard-filters.ts';

export function dashboardApi(api: Api) {
  return {
    service: (query: DashboardQuery) => api.getJson<ServiceView>('/v1/dashboards/service', { query: { ...query } }),
  };
}
