/**
 * One person: who they are, and the admin's changes (role and teams, deactivate or
 * reactivate, send the invitation again), each a form post carrying the version read, so
 * a change made meanwhile by someone else is shown rather than overwritten.
 */
import { randomUUID } from 'node:crypto';
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import * as v from 'valibot';
import { EntityId } from '@waypoint/shared/cases/case-schemas';
import { teamStatus } from '@waypoint/shared/teams/team-schemas';
import type { UpdateUserBody } from '@waypoint/shared/users/user-schemas';
import { requireTenantAdmin } from '$lib/people/people-access.server';
import { peopleApi } from '$lib/people/people-api.server';
import { apiFieldErrors, userChangeFromForm, userFormValues, type FormFailure, type UserFormValues } from '$lib/people/people-forms';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

type Values = Pick<UserFormValues, 'role' | 'teamIds'>;
type Failure = FormFailure<Values> & { action: 'save' | 'status' | 'resend' };

const NOTICES: Record<string, string> = {
  added: 'added. We have emailed them an invitation to sign in.',
  saved: 'now has the role and teams shown. The change applies from their next click in Waypoint.',
  deactivated: 'has been deactivated. They were signed out and cannot sign in.',
  reactivated: 'has been reactivated and can sign in again.',
  approved: 'has been approved and can now use Waypoint with the role and teams shown.',
  resent: 'has been sent their invitation again.',
};

function idFrom(raw: string): string {
  // A malformed id cannot name anyone: the same 404 as a person who does not exist.
  if (!v.is(EntityId, raw)) error(404, 'Page not found');
  return raw;
}

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  requireTenantAdmin(me);
  const people = peopleApi(createApi(event));
  const [user, teams] = await Promise.all([people.user(idFrom(event.params.id)), people.teams()]);
  const notice = Object.keys(NOTICES).find((k) => event.url.searchParams.has(k));
  return {
    user: user.value,
    version: user.version,
    // Closed teams take no new members, but someone already in one stays in it until unticked.
    teams: teams.items.filter((t) => teamStatus(t) === 'open' || user.value.teamIds.includes(t.id)).map((t) => ({ id: t.id, name: t.name })),
    allTeams: teams.items.map((t) => ({ id: t.id, name: t.name })),
    isSelf: me.user.id === user.value.id,
    notice: notice ? `${user.value.name} ${NOTICES[notice]}` : null,
    idempotencyKey: randomUUID(),
  };
};

/** Reads the admin's post: the version it was made against, and who may make it. */
async function readPost(event: RequestEvent) {
  const api = createApi(event);
  requireTenantAdmin(await api.me());
  const form = await event.request.formData();
  const version = form.get('version');
  return { people: peopleApi(api), form, version: typeof version === 'string' && /^\d+$/.test(version) ? version : null, id: idFrom(event.params.id ?? '') };
}

/** What a refused change shows: the form's errors, or a notice that someone else changed them first. */
function refused(e: unknown, action: Failure['action'], values: Values) {
  if (!(e instanceof ApiError)) throw e;
  if (e.status === 412 || e.status === 428) return fail(412, { errors: [], values, conflict: true, action } satisfies Failure);
  const errors = e.status === 400 ? apiFieldErrors(e.problem.errors) : [];
  return fail(e.status, { errors: errors.length > 0 ? errors : [{ field: 'form', message: e.problem.detail ?? 'Check your answers' }], values, action } satisfies Failure);
}

const reloadError = (action: Failure['action'], values: Values) => fail(400, { errors: [{ field: 'form', message: 'Reload the page and make your change again' }], values, action } satisfies Failure);

async function changeStatus(event: RequestEvent, active: boolean) {
  const { people, form, version, id } = await readPost(event);
  const values: Values = { role: '', teamIds: [] };
  if (!version) return reloadError('status', values);
  const body: UpdateUserBody = { active };
  try {
    await people.changeUser(id, version, body);
  } catch (e) {
    return refused(e, 'status', values);
  }
  const done = !active ? 'deactivated' : form.get('approving') === 'yes' ? 'approved' : 'reactivated';
  redirect(303, `/users/${encodeURIComponent(id)}?${done}=1`);
}

export const actions: Actions = {
  save: async (event) => {
    const { people, form, version, id } = await readPost(event);
    const { role, teamIds } = userFormValues(form);
    const values: Values = { role, teamIds };
    if (!version) return reloadError('save', values);
    const parsed = userChangeFromForm(values);
    if (!parsed.ok) return fail(400, { errors: parsed.errors, values, action: 'save' } satisfies Failure);
    try {
      await people.changeUser(id, version, parsed.body);
    } catch (e) {
      return refused(e, 'save', values);
    }
    redirect(303, `/users/${encodeURIComponent(id)}?saved=1`);
  },
  deactivate: (event) => changeStatus(event, false),
  reactivate: (event) => changeStatus(event, true),
  resend: async (event) => {
    const { people, form, version, id } = await readPost(event);
    const values: Values = { role: '', teamIds: [] };
    if (!version) return reloadError('resend', values);
    const key = form.get('idempotencyKey');
    try {
      await people.resendInvitation(id, version, typeof key === 'string' && key ? key : randomUUID());
    } catch (e) {
      return refused(e, 'resend', values);
    }
    redirect(303, `/users/${encodeURIComponent(id)}?resent=1`);
  },
};
