/** The authority admin's full exports of its data (`/v1/data-exports`), for the settings page that makes them. */
import type { DataExport } from '@waypoint/shared/tenancy/offboarding-schemas';
import type { Api } from '../server/api.ts';

export function dataExportApi(api: Api) {
  return {
    list: () => api.getJson<{ items: DataExport[] }>('/v1/data-exports'),
    /** The same press of the button sent twice makes one export: the key is made with the page. */
    ask: (idempotencyKey: string) => api.getJson<DataExport>('/v1/data-exports', { method: 'POST', idempotencyKey }),
    link: (id: string) => api.getJson<{ url: string }>(`/v1/data-exports/${encodeURIComponent(id)}/download`, { handle: [404, 409] }),
  };
}
