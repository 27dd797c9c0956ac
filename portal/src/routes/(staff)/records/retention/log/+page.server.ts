/** What retention has deleted: a line per case with the day, the case type and counts, never a reference. */
import { error } from '@sveltejs/kit';
import { canSeeRetention, type RetentionLogEntry } from '@waypoint/shared/subject-access/subject-access-schemas';
import { createApi } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  if (!canSeeRetention(me.role)) error(403, 'You do not have access to this page');
  const log = await createApi(event).getJson<{ items: RetentionLogEntry[] }>('/v1/retention/log');
  return { entries: log.items };
};
