/** The monthly programme calls of the Waypoint API: the month's picture and a manager's sample (propose, swap, accept). */
import type { ProgrammeMonth, SampleDetail, SwapSampleBody } from '@waypoint/shared/programme/programme-schemas';
import type { Api } from '../server/api.ts';

/** Statuses the sample forms handle themselves: a month not open for samples, an ineligible swap, a fixed sample, a stale version. */
const FORM_STATUSES = [400, 403, 409, 412, 428] as const;

const samplePath = (month: string, managerId: string) => `/v1/programmes/${encodeURIComponent(month)}/samples/${encodeURIComponent(managerId)}`;

export function programmeApi(api: Api) {
  return {
    month: (month: string) => api.getJson<ProgrammeMonth>(`/v1/programmes/${encodeURIComponent(month)}`),
    /** The sample, or 404 (handled) when none has been proposed for the month yet. */
    sample: (month: string, managerId: string) => api.getVersioned<SampleDetail>(samplePath(month, managerId), { handle: [404] }),
    propose: (month: string, managerId: string | undefined) => api.getVersioned<SampleDetail>(`/v1/programmes/${encodeURIComponent(month)}/samples`, { method: 'POST', body: managerId ? { managerId } : {}, handle: FORM_STATUSES }),
    swap: (month: string, managerId: string, version: string, body: SwapSampleBody) => api.getVersioned<SampleDetail>(`${samplePath(month, managerId)}/swap`, { method: 'POST', body, ifMatch: version, handle: FORM_STATUSES }),
    accept: (month: string, managerId: string, version: string) => api.getVersioned<SampleDetail>(`${samplePath(month, managerId)}/accept`, { method: 'POST', ifMatch: version, handle: FORM_STATUSES }),
  };
}
