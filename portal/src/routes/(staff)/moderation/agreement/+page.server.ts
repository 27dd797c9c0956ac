/** The agreement report: exact agreement and weighted kappa between auditors and moderators, for a period and a team. */
import * as v from 'valibot';
import { EntityId } from '@waypoint/shared/cases/case-schemas';
import { canReadAgreement } from '$lib/moderation/moderation-permissions';
import { currentQuarter, isPeriod, periodOptions } from '$lib/moderation/agreement-format';
import { moderationApi } from '$lib/moderation/moderation-api.server';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  if (!canReadAgreement(me.role)) error(403, 'You do not have access to this page');
  const now = new Date();
  const rawPeriod = event.url.searchParams.get('period');
  const rawTeam = event.url.searchParams.get('team');
  const period = isPeriod(rawPeriod) ? rawPeriod : currentQuarter(now);
  const api = createApi(event);
  const teams = (await api.teams()).items.map((t) => ({ id: t.id, name: t.name })).sort((a, b) => a.name.localeCompare(b.name));
  // An unknown team is a filter that matches nothing here: the report for every team is shown instead.
  const team = rawTeam && v.is(EntityId, rawTeam) && teams.some((t) => t.id === rawTeam) ? rawTeam : undefined;
  let report;
  try {
    report = await moderationApi(api).agreement(period, team);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    report = await moderationApi(api).agreement(period);
  }
  return { period, team: team ?? '', teams, report, periods: periodOptions(now) };
};
