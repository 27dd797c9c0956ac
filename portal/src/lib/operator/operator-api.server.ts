/** The platform routes of the Waypoint API (`/v1/platform/...`), for the operator's screens. */
import type { ChangeTenantStatusBody, CreateTenantBody, PlatformAction, TenantEntry, TenantSize } from '@waypoint/shared/tenancy/tenant-schemas';
import type { Api, Page } from '../server/api.ts';

/** An authority as the operator sees it: its directory entry and its counts, never its records. */
export type Authority = TenantEntry & { size: TenantSize };

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
    activity: (query: { limit?: number; cursor?: string }, handle?: readonly number[]) => api.getJson<Page<PlatformActivityEntry>>('/v1/platform/activity', { query, handle }),
  };
}
