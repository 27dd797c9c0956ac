/** The platform routes of the Waypoint API (`/v1/platform/...`), for the operator's screens. */
import type { ChangeTenantStatusBody, CreateTenantBody, PlatformAction, TenantEntry, TenantSize } from '@waypoint/shared/tenancy/tenant-schemas';
import type { DataExport, TenantDeletion } from '@waypoint/shared/tenancy/offboarding-schemas';
import type { Api, Page } from '../server/api.ts';

/** An authority as the operator sees it: its directory entry and its counts, never its records; when leaving, its deletion day. */
export type Authority = TenantEntry & { size: TenantSize; deletionDueOn?: string };

export interface PlatformActivityEntry {
  id: string;
  at: string;
  actor: { id: string };
  action: PlatformAction;
  tenant: { id: string; name: string | null };
  changes: string[];
}

/** Statuses the forms handle themselves: bad input, a taken address or email, and someone else's change. */
const FORM_STATUSES = [400, 409, 412, 428] as const;

const authorityPath = (id: string) => `/v1/platform/tenants/${encodeURIComponent(id)}`;

export function operatorApi(api: Api) {
  return {
    authorities: (query: { limit?: number; cursor?: string }, handle?: readonly number[]) => api.getJson<Page<Authority>>('/v1/platform/tenants', { query, handle }),
    authority: (id: string) => api.getVersioned<Authority>(authorityPath(id)),
    /** The same form posted twice finishes and returns the same authority: the API keys it by its address. */
    addAuthority: (body: CreateTenantBody) => api.getVersioned<Authority>('/v1/platform/tenants', { method: 'POST', body, handle: FORM_STATUSES }),
    changeStatus: (id: string, version: string, body: ChangeTenantStatusBody) => api.getVersioned<Authority>(authorityPath(id), { method: 'PATCH', body, ifMatch: version, handle: FORM_STATUSES }),
    exports: (id: string) => api.getJson<{ items: DataExport[] }>(`${authorityPath(id)}/exports`, { handle: [409] }),
    /** Asking twice while one is being made returns that one. */
    askForExport: (id: string) => api.getJson<DataExport>(`${authorityPath(id)}/exports`, { method: 'POST', handle: [409] }),
    exportLink: (id: string, exportId: string) => api.getJson<{ url: string }>(`${authorityPath(id)}/exports/${encodeURIComponent(exportId)}/download`, { handle: [409] }),
    /** Not found until the deletion has started. */
    deletion: (id: string) => api.getJson<TenantDeletion>(`${authorityPath(id)}/deletion`, { handle: [404] }),
    activity: (query: { limit?: number; cursor?: string }, handle?: readonly number[]) => api.getJson<Page<PlatformActivityEntry>>('/v1/platform/activity', { query, handle }),
  };
}
