/** The case evidence call of the Waypoint API (the case level of the evidence), on top of the one typed client. */
import type { CaseEvidence } from '@waypoint/shared/dashboards/case-evidence-schemas';
import type { Api } from '../server/api.ts';

export function caseEvidenceApi(api: Api) {
  return {
    evidence: (ref: string) => api.getJson<CaseEvidence>(`/v1/cases/${encodeURIComponent(ref)}/evidence`),
  };
}
