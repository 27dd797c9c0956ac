/** One team: rename it, say who leads it, close or reopen it; each post carries the version read. */
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import * as v from 'valibot';
import { EntityId } from '@waypoint/shared/cases/case-schemas';
import { teamStatus } from '@waypoint/shared/teams/team-schemas';
import { requireTenantAdmin } from '$lib/people/people-access.server';
import { allUsers, managerChoices, peopleApi } from '$lib/people/people-api.server';
import { apiFieldErrors, teamChangeFromForm, teamFormValues, type FormFailure, type TeamFormValues } from '$lib/people/people-forms';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

type Failure = FormFailure<TeamFormValues> & { action: 'save' | 'status' };

const NOTICES: Record<string, string> = {
  added: 'has been added.',
  saved: 'has been saved.',
  closed: 'is closed. It keeps its history but takes no new cases or people.',
  reopened: 'is open again.',
};

function idFrom(raw: string): string {
  if (!v.is(EntityId, raw)) error(404, 'Page not found');
  return raw;
}

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  requireTenantAdmin(me);
  const people = peopleApi(createApi(event));
  const [team, users] = await Promise.all([people.team(idFrom(event.params.id)), allUsers(people)]);
  const choices = managerChoices(users);
  const manager = users.find((u) => u.id === team.value.managerId);
  // Whoever leads it now stays in the list even if they could not be chosen today, so saving a rename keeps them.
  if (manager && !choices.some((c) => c.value === manager.id)) choices.unshift({ value: manager.id, label: `${manager.name} (cannot lead a team now)` });
  const notice = Object.keys(NOTICES).find((k) => event.url.searchParams.has(k));
  return {
    team: { ...team.value, status: teamStatus(team.value) },
    version: team.version,
    managerName: manager?.name ?? null,
    members: users.filter((u) => u.active && u.teamIds.includes(team.value.id)).map((u) => ({ id: u.id, name: u.name })),
    managers: choices,
    notice: notice ? `${team.value.name} ${NOTICES[notice]}` : null,
  };
};

async function readPost(event: RequestEvent) {
  const api = createApi(event);
  requireTenantAdmin(await api.me());
  const form = await event.request.formData();
  const version = form.get('version');
  return { people: peopleApi(api), values: teamFormValues(form), version: typeof version === 'string' && /^\d+$/.test(version) ? version : null, id: idFrom(event.params.id ?? '') };
}

function refused(e: unknown, action: Failure['action'], values: TeamFormValues) {
  if (!(e instanceof ApiError)) throw e;
  if (e.status === 412 || e.status === 428) return fail(412, { errors: [], values, conflict: true, action } satisfies Failure);
  const errors = e.status === 400 ? apiFieldErrors(e.problem.errors) : [];
  return fail(e.status, { errors: errors.length > 0 ? errors : [{ field: 'form', message: e.problem.detail ?? 'Check your answers' }], values, action } satisfies Failure);
}

async function setStatus(event: RequestEvent, status: 'open' | 'closed') {
  const { people, values, version, id } = await readPost(event);
  if (!version) return fail(400, { errors: [{ field: 'form', message: 'Reload the page and try again' }], values, action: 'status' } satisfies Failure);
  try {
    await people.changeTeam(id, version, { status });
  } catch (e) {
    return refused(e, 'status', values);
  }
  redirect(303, `/teams/${encodeURIComponent(id)}?${status === 'closed' ? 'closed' : 'reopened'}=1`);
}

export const actions: Actions = {
  save: async (event) => {
    const { people, values, version, id } = await readPost(event);
    if (!version) return fail(400, { errors: [{ field: 'form', message: 'Reload the page and make your changes again' }], values, action: 'save' } satisfies Failure);
    const parsed = teamChangeFromForm(values);
    if (!parsed.ok) return fail(400, { errors: parsed.errors, values, action: 'save' } satisfies Failure);
    try {
      await people.changeTeam(id, version, parsed.body);
    } catch (e) {
      return refused(e, 'save', values);
    }
    redirect(303, `/teams/${encodeURIComponent(id)}?saved=1`);
  },
  close: (event) => setStatus(event, 'closed'),
  reopen: (event) => setStatus(event, 'open'),
};
