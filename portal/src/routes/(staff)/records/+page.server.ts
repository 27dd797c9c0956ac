/**
 * Records: where QA officers and senior managers start a subject access export (a case by its
 * reference, a member of staff by name) and see what retention will delete. Both finders are
 * GET forms, so they work with JavaScript off and can be bookmarked.
 */
import { error, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { CaseRef } from '@waypoint/shared/cases/case-schemas';
import { canExportForSubjectAccess } from '@waypoint/shared/subject-access/subject-access-schemas';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  if (!canExportForSubjectAccess(me.role)) error(403, 'You do not have access to this page');
  const api = createApi(event);
  const typedCase = event.url.searchParams.get('case')?.trim();
  const search = event.url.searchParams.get('person')?.trim();
  let caseProblem: string | null = null;
  if (typedCase !== undefined) {
    if (typedCase === '') caseProblem = 'Enter the case reference';
    else if (!v.is(CaseRef, typedCase)) caseProblem = 'Enter a case reference like NV-00021: letters, digits and hyphens';
    else {
      const found = await api.getVersioned<{ ref: string; version: number }>(`/v1/cases/${encodeURIComponent(typedCase)}`, { handle: [404] }).catch((e) => {
        if (e instanceof ApiError) return null;
        throw e;
      });
      if (found) redirect(303, `/cases/${encodeURIComponent(found.value.ref)}/subject-access`);
      caseProblem = `There is no case ${typedCase}`;
    }
  }
  let personProblem: string | null = null;
  let people: { id: string; name: string; email: string }[] | null = null;
  if (search !== undefined) {
    if (search === '' || search.length > 100) personProblem = 'Enter part of the person’s name or email address (up to 100 characters)';
    else people = (await api.users({ q: search, limit: 25 })).items.map((u) => ({ id: u.id, name: u.name, email: u.email }));
  }
  return { typedCase: typedCase ?? '', search: search ?? '', caseProblem, personProblem, people };
};
