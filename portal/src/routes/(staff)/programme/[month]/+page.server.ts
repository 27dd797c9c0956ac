/**
 * One month of the audit programme. A team manager sees their month: the sample, their
 * audits planned, in progress, done and late. QA officers and senior managers see every
 * manager's and team's counts, and every late audit.
 */
import { error } from '@sveltejs/kit';
import { shiftMonth } from '@waypoint/shared/programme/programme-dates';
import { londonMonth } from '@waypoint/shared/time/clock';
import { isMonth } from '$lib/programme/month-param';
import { programmeApi } from '$lib/programme/programme-api.server';
import { seesWholeProgramme } from '$lib/programme/programme-permissions';
import { createApi } from '$lib/server/api';
import type { PageServerLoad } from './$types';

const NOTICES: Record<string, string> = {
  accepted: 'Sample accepted. The audits are planned and each case holder has been told.',
};

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  const month = event.params.month;
  if (!isMonth(month)) error(404, 'Page not found');
  const api = createApi(event);
  const [programme, teams] = await Promise.all([programmeApi(api).month(month), api.teams()]);
  const current = londonMonth(new Date());
  return {
    month,
    programme,
    teams: teams.items.map((t) => ({ id: t.id, name: t.name })),
    wholeProgramme: seesWholeProgramme(me.role),
    isCurrentMonth: month === current,
    // The API draws samples for this month and next only.
    canDrawSample: month === current || month === shiftMonth(current, 1),
    notice: [...event.url.searchParams.keys()].map((k) => NOTICES[k]).find(Boolean) ?? null,
  };
};
