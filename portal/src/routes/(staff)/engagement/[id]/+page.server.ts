/** One activity: its details and counts, its public link, and the ways to edit it or give out codes. */
import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { ActivityId } from '@waypoint/shared/engagement/activity-schemas';
import { canEditActivities, canIssueCodes } from '$lib/engagement/engagement-permissions';
import { engagementApi } from '$lib/engagement/staff-api.server';
import { createApi } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  if (!v.is(ActivityId, event.params.id)) error(404, 'Page not found');
  const api = createApi(event);
  const [found, teams] = await Promise.all([engagementApi(api).activity(event.params.id), api.teams()]);
  const activity = found.value;
  const slug = me.tenant?.slug;
  return {
    activity,
    teamName: activity.teamId ? (teams.items.find((t) => t.id === activity.teamId)?.name ?? 'Unknown team') : null,
    publicLink: activity.publicLink && slug ? `${event.url.origin}/have-your-say/${slug}/start?activity=${encodeURIComponent(activity.id)}` : null,
    canEdit: canEditActivities(me.role),
    canIssueCodes: canIssueCodes(me.role),
    notice: event.url.searchParams.has('created') ? 'Activity created.' : event.url.searchParams.has('saved') ? 'Activity saved.' : null,
  };
};
