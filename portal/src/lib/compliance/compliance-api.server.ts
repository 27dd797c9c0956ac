/** The records compliance calls of the Waypoint API, on top of the one typed client. */
import type { ChangeCheckBody, ComplianceCheckView, ComplianceProgrammeView, ComplianceReport, ComplianceReportQuery, RecordCheckBody } from '@waypoint/shared/compliance/compliance-schemas';
import type { Api } from '../server/api.ts';
import { ApiError } from '../server/errors.ts';

const FORM_ERRORS = [400, 409, 412, 428] as const;

export function complianceApi(api: Api) {
  return {
    programme: (month: string) => api.getJson<ComplianceProgrammeView>(`/v1/compliance/programmes/${encodeURIComponent(month)}`),
    draw: (month: string, checksPerTeam: number, idempotencyKey: string) => api.getJson<ComplianceProgrammeView>(`/v1/compliance/programmes/${encodeURIComponent(month)}`, { method: 'POST', body: { checksPerTeam }, idempotencyKey, handle: FORM_ERRORS }),
    /** The check of a case that month, or null before it is recorded. */
    check: async (checkId: string): Promise<{ value: ComplianceCheckView; version: string } | null> => {
      try {
        return await api.getVersioned<ComplianceCheckView>(`/v1/compliance/checks/${encodeURIComponent(checkId)}`, { handle: [404] });
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
    record: (body: RecordCheckBody, idempotencyKey: string) => api.getVersioned<ComplianceCheckView>('/v1/compliance/checks', { method: 'POST', body, idempotencyKey, handle: FORM_ERRORS }),
    change: (checkId: string, version: string, body: ChangeCheckBody) => api.getVersioned<ComplianceCheckView>(`/v1/compliance/checks/${encodeURIComponent(checkId)}`, { method: 'PUT', body, ifMatch: version, handle: FORM_ERRORS }),
    report: (query: ComplianceReportQuery) => api.getJson<ComplianceReport>('/v1/compliance/report', { query: { ...query } }),
  };
}
