/** The imports calls of the Waypoint API, for the import screens. */
import type { CreateImportBody, ImportProblem, ImportRecord } from '@waypoint/shared/imports/import-schemas';
import type { Api } from '../server/api.ts';

const FORM_STATUSES = [400, 409] as const;
const path = (id: string, rest = '') => `/v1/imports/${encodeURIComponent(id)}${rest}`;

export interface Upload {
  url: string;
  fields: Record<string, string>;
}

export interface RefusedRow {
  row: number;
  key: string;
  reasons: { column: string; message: string }[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function importApi(api: Api) {
  return {
    list: () => api.getJson<Page<ImportRecord>>('/v1/imports', { query: { limit: 20 } }),
    start: (body: CreateImportBody, idempotencyKey: string) => api.getJson<ImportRecord & { upload: Upload }>('/v1/imports', { method: 'POST', body, idempotencyKey, handle: FORM_STATUSES }),
    get: (id: string) => api.getJson<ImportRecord>(path(id)),
    upload: (id: string) => api.getJson<{ upload: Upload }>(path(id, '/upload'), { method: 'POST', handle: FORM_STATUSES }),
    uploaded: (id: string) => api.getJson<ImportRecord>(path(id, '/uploaded'), { method: 'POST', handle: FORM_STATUSES }),
    map: (id: string, mapping: Record<string, string>) => api.getJson<ImportRecord>(path(id, '/mapping'), { method: 'PUT', body: { mapping }, handle: FORM_STATUSES }),
    problems: (id: string, cursor?: string) => api.getJson<Page<ImportProblem>>(path(id, '/problems'), { query: { limit: 100, cursor } }),
    refused: (id: string, cursor?: string) => api.getJson<Page<RefusedRow>>(path(id, '/refused'), { query: { limit: 200, cursor } }),
    accept: (id: string) => api.getJson<ImportRecord>(path(id, '/accept'), { method: 'POST', handle: FORM_STATUSES }),
    cancel: (id: string) => api.getJson<ImportRecord>(path(id, '/cancel'), { method: 'POST', handle: FORM_STATUSES }),
  };
}
