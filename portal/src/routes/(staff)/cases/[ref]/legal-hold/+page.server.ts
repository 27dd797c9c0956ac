/**
 * Legal hold on one case, for QA officers and senior managers: the page says whether it is on
 * and what that means, and one button puts it on or takes it off (a plain form post, If-Match on
 * the version the page showed, so a change made meanwhile is not overwritten).
 */
import { error, fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { CaseRef, LEGAL_HOLD_ROLES } from '@waypoint/shared/cases/case-schemas';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

function refFrom(raw: string): string {
  if (!v.is(CaseRef, raw)) error(404, 'Page not found');
  return raw;
}

const mayHold = (role: string) => (LEGAL_HOLD_ROLES as readonly string[]).includes(role);

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  if (!mayHold(me.role)) error(403, 'You do not have access to this page');
  const found = await createApi(event).caseByRef(refFrom(event.params.ref));
  if (found.value.ref !== event.params.ref) redirect(301, `/cases/${encodeURIComponent(found.value.ref)}/legal-hold`);
  const saved = event.url.searchParams.get('saved');
  return { caseRecord: found.value, version: found.version, saved: saved === 'on' || saved === 'off' ? saved : null };
};

export const actions: Actions = {
  default: async (event) => {
    const ref = refFrom(event.params.ref);
    const api = createApi(event);
    if (!mayHold((await api.me()).role)) error(403, 'You do not have access to this page');
    const form = await event.request.formData();
    const version = form.get('version');
    const hold = form.get('legalHold');
    if (typeof version !== 'string' || !/^\d+$/.test(version) || (hold !== 'on' && hold !== 'off')) {
      return fail(400, { problem: 'Reload the page and try again.' });
    }
    try {
      await api.updateCase(ref, version, { legalHold: hold === 'on' });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 412 || e.status === 409) return fail(412, { problem: 'Someone else changed this case since you opened this page. Here is how it stands now: check it, then choose again.' });
      return fail(e.status, { problem: e.problem.detail ?? 'Reload the page and try again.' });
    }
    redirect(303, `/cases/${encodeURIComponent(ref)}/legal-hold?saved=${hold}`);
  },
};
