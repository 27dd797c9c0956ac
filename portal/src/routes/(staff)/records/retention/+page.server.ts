/** What retention will delete: due now and in each of the next 12 months, with the cases (QA officers and senior managers) and those on legal hold. */
import { error } from '@sveltejs/kit';
import { canSeeRetention, type RetentionPreview } from '@waypoint/shared/subject-access/subject-access-schemas';
import { createApi } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  if (!canSeeRetention(me.role)) error(403, 'You do not have access to this page');
  const preview = await createApi(event).getJson<RetentionPreview>('/v1/retention/preview');
  return { preview, isAdmin: me.role === 'admin' };
};
