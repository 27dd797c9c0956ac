/** The practitioner learning call of the Waypoint API, on top of the one typed client; the API decides who may read whose. */
import type { PractitionerLearning } from '@waypoint/shared/dashboards/learning-schemas';
import type { Api } from '../server/api.ts';

export function learningApi(api: Api) {
  return {
    learning: (id: string) => api.getJson<PractitionerLearning>(`/v1/practitioners/${encodeURIComponent(id)}/learning`),
  };
}
