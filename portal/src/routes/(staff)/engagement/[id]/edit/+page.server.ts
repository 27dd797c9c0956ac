/** Editing an activity with If-Match: a save based on an old version is refused (412) and the form keeps what was typed. */
import { error, fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { ActivityId } from '@waypoint/shared/engagement/activity-schemas';
import { ACTIVITY_FORM_MESSAGES, activityValuesFromActivity, activityValuesFromForm, updateBodyFromActivityForm, type ActivityFormFailure } from '$lib/engagement/activity-form';
import { canEditActivities, mustChooseOwnTeam } from '$lib/engagement/engagement-permissions';
import { engagementApi } from '$lib/engagement/staff-api.server';
import { fieldErrorsFromProblem } from '$lib/forms/form-errors';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

function idFrom(raw: string): string {
  if (!v.is(ActivityId, raw)) error(404, 'Page not found');
  return raw;
}

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  if (!canEditActivities(me.role)) error(403, 'You do not have access to this page');
  const api = createApi(event);
  const [found, teams] = await Promise.all([engagementApi(api).activity(idFrom(event.params.id)), api.teams()]);
  const ownTeams = mustChooseOwnTeam(me.role);
  return {
    activity: found.value,
    version: found.version,
    values: activityValuesFromActivity(found.value),
    teams: ownTeams ? me.teams : teams.items.map((t) => ({ id: t.id, name: t.name })),
    teamRequired: ownTeams,
  };
};

export const actions: Actions = {
  default: async (event) => {
    const id = idFrom(event.params.id);
    const form = await event.request.formData();
    const values = activityValuesFromForm(form);
    const version = form.get('version');
    if (typeof version !== 'string' || !/^\d+$/.test(version)) {
      return fail(400, { errors: [{ field: 'form', message: 'Reload the page and make your changes again' }], values } satisfies ActivityFormFailure);
    }
    const parsed = updateBodyFromActivityForm(values);
    if (!parsed.ok) return fail(400, { errors: parsed.errors, values } satisfies ActivityFormFailure);
    try {
      await engagementApi(createApi(event)).updateActivity(id, version, parsed.body);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 403) error(403, 'You do not have access to this page');
      // The page reloads the latest version; the form keeps what they typed, against the new version.
      if (e.status === 412 || e.status === 409) return fail(412, { errors: [], values, conflict: true } satisfies ActivityFormFailure);
      const errors = fieldErrorsFromProblem(e.problem.errors, ACTIVITY_FORM_MESSAGES);
      return fail(400, { errors: errors.length > 0 ? errors : [{ field: 'form', message: e.problem.detail ?? 'Reload the page and make your changes again' }], values } satisfies ActivityFormFailure);
    }
    redirect(303, `/engagement/${encodeURIComponent(id)}?saved=1`);
  },
};
