/** Posts the form's reason to the API and streams the person's ZIP back as a download. */
import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { EntityId } from '@waypoint/shared/cases/case-schemas';
import { subjectAccessDownload } from '$lib/subject-access/subject-access-download.server';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) => {
  if (!v.is(EntityId, event.params.id)) error(404, 'Page not found');
  const id = encodeURIComponent(event.params.id);
  return subjectAccessDownload(event, { apiPath: `/v1/users/${id}/subject-access-export`, formPath: `/records/staff/${id}` });
};
