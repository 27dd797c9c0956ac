/** The staff results, themes and "You said, we did" calls of the Waypoint API, on the user's token. */
import type { FeedbackComment, ResultsView, ThemeList } from '@waypoint/shared/engagement/results/result-schemas';
import type { PublishEntryBody, YouSaidWeDidEntry } from '@waypoint/shared/engagement/you-said-we-did';
import type { Api } from '$lib/server/api';

const FORM_STATUSES = [400, 403, 404, 409, 412, 428] as const;
const path = (id: string) => encodeURIComponent(id);
type Filters = Record<string, string | undefined>;

export function resultsApi(api: Api) {
  return {
    across: (query: Filters) => api.getJson<ResultsView>('/v1/engagement/results', { query }),
    activity: (id: string, query: Filters = {}) => api.getJson<ResultsView>(`/v1/engagement/activities/${path(id)}/results`, { query }),
    comments: (id: string) => api.getJson<{ items: FeedbackComment[] }>(`/v1/engagement/activities/${path(id)}/comments`),
    tag: (id: string, responseId: string, themes: string[]) => api.getJson(`/v1/engagement/activities/${path(id)}/responses/${path(responseId)}/themes`, { method: 'PUT', body: { themes }, handle: FORM_STATUSES }),
    themes: () => api.getVersioned<ThemeList>('/v1/engagement/themes'),
    saveThemes: (version: string, themes: string[]) => api.getVersioned<ThemeList>('/v1/engagement/themes', { method: 'PUT', body: { themes }, ifMatch: version, handle: FORM_STATUSES }),
    entries: () => api.getJson<{ items: YouSaidWeDidEntry[] }>('/v1/engagement/you-said-we-did'),
    publish: (body: PublishEntryBody) => api.getJson<YouSaidWeDidEntry>('/v1/engagement/you-said-we-did', { method: 'POST', body, handle: FORM_STATUSES }),
    withdraw: (id: string) => api.getJson(`/v1/engagement/you-said-we-did/${path(id)}`, { method: 'DELETE', handle: FORM_STATUSES }),
  };
}
