/** Add an authority: its name, web address and region, and its first administrator, who is invited by email. */
import { fail, redirect } from '@sveltejs/kit';
import { requireOperator } from '$lib/operator/operator-access.server';
import { operatorApi } from '$lib/operator/operator-api.server';
import { apiAuthorityErrors, authorityFormValues, newAuthorityFromForm, type AuthorityFormValues } from '$lib/operator/authority-forms';
import type { FormFailure } from '$lib/forms/form-errors';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  requireOperator(me);
};

export const actions: Actions = {
  default: async (event) => {
    const api = createApi(event);
    requireOperator(await api.me());
    const values = authorityFormValues(await event.request.formData());
    const parsed = newAuthorityFromForm(values);
    if (!parsed.ok) return fail(400, { errors: parsed.errors, values } satisfies FormFailure<AuthorityFormValues>);
    let id: string;
    try {
      ({
        value: { id },
      } = await operatorApi(api).addAuthority(parsed.body));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      // A taken address or email (409) and bad input (400) both come with the field they are about.
      return fail(e.status, { errors: apiAuthorityErrors(e.problem), values } satisfies FormFailure<AuthorityFormValues>);
    }
    redirect(303, `/operator/${encodeURIComponent(id)}?added=1`);
  },
};
