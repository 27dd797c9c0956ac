/** Posts the form's reason to the API and streams the case's ZIP back as a download. */
import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { CaseRef } from '@waypoint/shared/cases/case-schemas';
import { subjectAccessDownload } from '$lib/subject-access/subject-access-download.server';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) => {
  if (!v.is(CaseRef, event.params.ref)) error(404, 'Page not found');
  const ref = encodeURIComponent(event.params.ref);
  return subjectAccessDownload(event, { apiPath: `/v1/cases/${ref}/subject-access-export`, formPath: `/cases/${ref}/subject-access` });
};
