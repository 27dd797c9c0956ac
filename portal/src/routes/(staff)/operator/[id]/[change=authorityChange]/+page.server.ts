/**
 * Confirming a change to an authority's status. The post carries the version read here, so a
 * change someone else made meanwhile is shown instead of being overwritten.
 */
import { error, fail, redirect } from '@sveltejs/kit';
import { apiAuthorityErrors, changesFor, isAuthorityChange, leavesOnFromForm, statusChangeFromForm, type AuthorityChange, type ChangeFailure } from '$lib/operator/authority-forms';
import { requireOperator } from '$lib/operator/operator-access.server';
import { authorityIdFrom, readAuthority } from '$lib/operator/authority-page.server';
import { operatorApi } from '$lib/operator/operator-api.server';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

function changeFrom(raw: string | undefined): AuthorityChange {
  if (!raw || !isAuthorityChange(raw)) error(404, 'Page not found');
  return raw;
}

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  requireOperator(me);
  const change = changeFrom(event.params.change);
  const { value: authority, version } = await readAuthority(createApi(event), event.params.id);
  // Someone may have made this change already: the page then says so rather than offering it.
  return { authority, version, change, available: changesFor(authority.status).includes(change) };
};

export const actions: Actions = {
  default: async (event) => {
    const api = createApi(event);
    requireOperator(await api.me());
    const change = changeFrom(event.params.change);
    const id = authorityIdFrom(event.params.id);
    const form = await event.request.formData();
    const leavesOn = leavesOnFromForm(form);
    const version = form.get('version');
    if (typeof version !== 'string' || !/^\d+$/.test(version)) return fail(400, { errors: [{ field: 'form', message: 'Reload the page and try again' }], leavesOn } satisfies ChangeFailure);
    const parsed = statusChangeFromForm(change, leavesOn);
    if (!parsed.ok) return fail(400, { errors: parsed.errors, leavesOn } satisfies ChangeFailure);
    try {
      await operatorApi(api).changeStatus(id, version, parsed.body);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 412 || e.status === 428) return fail(412, { errors: [], leavesOn, conflict: true } satisfies ChangeFailure);
      return fail(e.status, { errors: apiAuthorityErrors(e.problem), leavesOn } satisfies ChangeFailure);
    }
    redirect(303, `/operator/${encodeURIComponent(id)}?done=${change}`);
  },
};
