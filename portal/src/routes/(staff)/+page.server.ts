/** Staff home: who you are, where, and the first few cases and audits in your scope. */
import { auditApi } from '$lib/audits/audit-api.server';
import { readGradeLabels } from '$lib/audits/audit-context.server';
import { canReadAudits } from '$lib/audits/audit-permissions';
import { canSeeCases } from '$lib/navigation/staff-navigation';
import { createApi } from '$lib/server/api';
import { readDirectory } from '$lib/server/cases/case-directory';
import type { PageServerLoad } from './$types';

const HOME_CASES = 5;
const HOME_AUDITS = 5;

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  if (!canSeeCases(me.role)) return { cases: null, directory: null, audits: null };
  const api = createApi(event);
  const audits = canReadAudits(me.role) ? Promise.all([auditApi(api).audits({ limit: HOME_AUDITS }), readGradeLabels(api)]).then(([page, gradeLabels]) => ({ ...page, gradeLabels })) : Promise.resolve(null);
  const [cases, directory, auditPage] = await Promise.all([api.cases({ limit: HOME_CASES }), readDirectory(api, { people: true }), audits]);
  return { cases, directory, audits: auditPage };
};
