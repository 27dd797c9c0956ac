/** The form for a case's subject access export: QA officers and senior managers only. */
import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { CaseRef } from '@waypoint/shared/cases/case-schemas';
import { canExportForSubjectAccess } from '@waypoint/shared/subject-access/subject-access-schemas';
import { createApi } from '$lib/server/api';
import { REASON_PROBLEMS } from '$lib/subject-access/subject-access-download.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  if (!canExportForSubjectAccess(me.role)) error(403, 'You do not have access to this page');
  if (!v.is(CaseRef, event.params.ref)) error(404, 'Page not found');
  const found = await createApi(event).caseByRef(event.params.ref);
  return { ref: found.value.ref, problem: REASON_PROBLEMS[event.url.searchParams.get('problem') ?? ''] ?? null };
};
