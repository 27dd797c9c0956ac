/** Creating an activity (managers for their teams, QA officers, senior managers): POST /v1/engagement/activities. */
import { error, fail, redirect } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { BUILT_IN_FORM_FOR_AUDIENCE } from '@waypoint/shared/engagement/forms/built-in-feedback-forms';
import { londonDate } from '@waypoint/shared/time/calendar-dates';
import { datePartsFromIso } from '$lib/audits/date-parts';
import { ACTIVITY_FORM_MESSAGES, activityValuesFromForm, createBodyFromActivityForm, emptyActivityValues, type ActivityFormFailure } from '$lib/engagement/activity-form';
import { canEditActivities, mustChooseOwnTeam } from '$lib/engagement/engagement-permissions';
import { engagementApi } from '$lib/engagement/staff-api.server';
import { fieldErrorsFromProblem } from '$lib/forms/form-errors';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  if (!canEditActivities(me.role)) error(403, 'You do not have access to this page');
  const api = createApi(event);
  const [forms, teams] = await Promise.all([engagementApi(api).feedbackForms(), api.teams()]);
  const ownTeams = mustChooseOwnTeam(me.role);
  const initial = { ...emptyActivityValues(), opensOn: datePartsFromIso(londonDate(new Date())), teamId: ownTeams && me.teams.length === 1 ? me.teams[0]!.id : '' };
  const requestedAudience = event.url.searchParams.get('audience');
  if (requestedAudience && requestedAudience in BUILT_IN_FORM_FOR_AUDIENCE) {
    initial.audience = requestedAudience;
    initial.templateId = BUILT_IN_FORM_FOR_AUDIENCE[requestedAudience as keyof typeof BUILT_IN_FORM_FOR_AUDIENCE];
  }
  return {
    forms: forms.items.filter((f) => f.kind === 'feedback-form').map((f) => ({ templateId: f.templateId, name: f.name, description: f.description })),
    teams: ownTeams ? me.teams : teams.items.map((t) => ({ id: t.id, name: t.name })),
    teamRequired: ownTeams,
    initial,
    // A fresh key each time the form is shown: posting it twice creates one activity.
    idempotencyKey: randomUUID(),
  };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const values = activityValuesFromForm(form);
    const parsed = createBodyFromActivityForm(values);
    if (!parsed.ok) return fail(400, { errors: parsed.errors, values } satisfies ActivityFormFailure);
    const key = form.get('idempotencyKey');
    let created;
    try {
      created = await engagementApi(createApi(event)).createActivity(parsed.body, typeof key === 'string' && key ? key : undefined);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 403) error(403, 'You do not have access to this page');
      const errors = fieldErrorsFromProblem(e.problem.errors, ACTIVITY_FORM_MESSAGES);
      return fail(400, { errors: errors.length > 0 ? errors : [{ field: 'form', message: e.problem.detail ?? e.problem.title }], values } satisfies ActivityFormFailure);
    }
    redirect(303, `/engagement/${encodeURIComponent(created.value.id)}?created=1`);
  },
};
