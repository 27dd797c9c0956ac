/** The rows behind one figure of a team's page as CSV, written by the shared, formula-defusing writer. */
import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { teamFigureCsv } from '@waypoint/shared/dashboards/team-csv';
import { TEAM_FIGURES } from '@waypoint/shared/dashboards/team-view';
import { readGradeLabels } from '$lib/audits/audit-context.server';
import { createApi } from '$lib/server/api';
import { teamApi } from '$lib/team/team-api.server';
import { canReadTeamPages } from '$lib/team/team-permissions';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
  const figure = v.safeParse(v.picklist(TEAM_FIGURES), event.params.figure.replace(/\.csv$/, ''));
  if (!figure.success) error(404, 'Page not found');
  const api = createApi(event);
  const me = await api.me();
  if (!canReadTeamPages(me.role)) error(404, 'Page not found');
  const [view, labels] = await Promise.all([teamApi(api).view(event.params.id), readGradeLabels(api)]);
  const { filename, csv } = teamFigureCsv(view, figure.output, labels);
  return new Response(csv, { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"` } });
};
