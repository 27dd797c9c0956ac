/** The case level of the evidence: its audits, grades over time, its journey and every action raised on it. */
import { readGradeLabels } from '$lib/audits/audit-context.server';
import { caseEvidenceApi } from '$lib/dashboard/case-evidence-api.server';
import { createApi } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const api = createApi(event);
  const [evidence, labels] = await Promise.all([caseEvidenceApi(api).evidence(event.params.ref), readGradeLabels(api)]);
  return { evidence, labels };
};
