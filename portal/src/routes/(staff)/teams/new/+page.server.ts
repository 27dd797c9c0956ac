/** Add a team: its name, service and who leads it. */
import { randomUUID } from 'node:crypto';
import { fail, redirect } from '@sveltejs/kit';
import { requireTenantAdmin } from '$lib/people/people-access.server';
import { allUsers, managerChoices, peopleApi } from '$lib/people/people-api.server';
import { apiFieldErrors, newTeamFromForm, teamFormValues, type FormFailure, type TeamFormValues } from '$lib/people/people-forms';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  requireTenantAdmin(me);
  return { managers: managerChoices(await allUsers(peopleApi(createApi(event)))), idempotencyKey: randomUUID() };
};

export const actions: Actions = {
  default: async (event) => {
    const api = createApi(event);
    requireTenantAdmin(await api.me());
    const form = await event.request.formData();
    const values = teamFormValues(form);
    const parsed = newTeamFromForm(values);
    if (!parsed.ok) return fail(400, { errors: parsed.errors, values } satisfies FormFailure<TeamFormValues>);
    const key = form.get('idempotencyKey');
    let id: string;
    try {
      ({
        value: { id },
      } = await peopleApi(api).addTeam(parsed.body, typeof key === 'string' && key ? key : randomUUID()));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const errors = e.status === 400 ? apiFieldErrors(e.problem.errors) : [];
      return fail(e.status, { errors: errors.length > 0 ? errors : [{ field: 'form', message: e.problem.detail ?? 'Check your answers' }], values } satisfies FormFailure<TeamFormValues>);
    }
    redirect(303, `/teams/${encodeURIComponent(id)}?added=1`);
  },
};
