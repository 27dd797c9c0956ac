/** One team's page; the API decides who may read it (403 for a manager's other teams, 404 for a team that does not exist). */
import { error } from '@sveltejs/kit';
import { readGradeLabels } from '$lib/audits/audit-context.server';
import { canUseCompliance } from '$lib/compliance/compliance-permissions';
import { createApi } from '$lib/server/api';
import { teamApi } from '$lib/team/team-api.server';
import { canReadTeamPages } from '$lib/team/team-permissions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  if (!canReadTeamPages(me.role)) error(404, 'Page not found');
  const api = createApi(event);
  const [view, labels] = await Promise.all([teamApi(api).view(event.params.id), readGradeLabels(api)]);
  return { view, labels, complianceReport: canUseCompliance(me.role) };
};
