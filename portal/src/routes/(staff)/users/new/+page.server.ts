/** Add a user: their name, work email, role and teams; the API creates their sign-in and sends the invitation. */
import { randomUUID } from 'node:crypto';
import { fail, redirect } from '@sveltejs/kit';
import { teamStatus } from '@waypoint/shared/teams/team-schemas';
import { requireTenantAdmin } from '$lib/people/people-access.server';
import { peopleApi } from '$lib/people/people-api.server';
import { apiFieldErrors, newUserFromForm, userFormValues, type FormFailure, type UserFormValues } from '$lib/people/people-forms';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  requireTenantAdmin(me);
  const { items } = await peopleApi(createApi(event)).teams();
  return { teams: items.filter((t) => teamStatus(t) === 'open').map((t) => ({ id: t.id, name: t.name })), idempotencyKey: randomUUID() };
};

export const actions: Actions = {
  default: async (event) => {
    const api = createApi(event);
    requireTenantAdmin(await api.me());
    const form = await event.request.formData();
    const values = userFormValues(form);
    const key = form.get('idempotencyKey');
    const parsed = newUserFromForm(values);
    if (!parsed.ok) return fail(400, { errors: parsed.errors, values } satisfies FormFailure<UserFormValues>);
    let id: string;
    try {
      // The key was made with the page, so pressing the button twice adds one person.
      ({
        value: { id },
      } = await peopleApi(api).addUser(parsed.body, typeof key === 'string' && key ? key : randomUUID()));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const errors = e.status === 400 ? apiFieldErrors(e.problem.errors) : [];
      const message = e.status === 409 ? { field: 'email', message: `${e.problem.detail ?? 'That email address is taken'}. Search for them in Users.` } : { field: 'form', message: e.problem.detail ?? 'Check your answers' };
      return fail(e.status, { errors: errors.length > 0 ? errors : [message], values } satisfies FormFailure<UserFormValues>);
    }
    redirect(303, `/users/${encodeURIComponent(id)}?added=1`);
  },
};
