/**
 * Raising an action from one comment on an activity's comments page → POST /v1/actions with a
 * feedback source. The comment is quoted for reference only; staff write the finding. The
 * action is about the service: its team is the activity's, or for an activity for the whole
 * authority chosen first (`?/team`, then `?team=<id>`), so the owners offered are that team's.
 */
import { error, fail, redirect } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import * as v from 'valibot';
import { EntityId } from '@waypoint/shared/cases/case-schemas';
import { ActivityId } from '@waypoint/shared/engagement/activity-schemas';
import { actionApi } from '$lib/actions/action-api.server';
import { chosenTeam, FEEDBACK_ACTION_MESSAGES, feedbackActionBody, feedbackActionErrorsFromProblem, feedbackActionValuesFromForm, type FeedbackActionValues } from '$lib/actions/feedback-action-form';
import { teamStaff } from '$lib/actions/team-staff.server';
import { EMPTY_DATE } from '$lib/audits/date-parts';
import { formText } from '$lib/audits/form-values';
import { canEditActivities } from '$lib/engagement/engagement-permissions';
import { resultsApi } from '$lib/engagement/results/results-api.server';
import { engagementApi } from '$lib/engagement/staff-api.server';
import type { FieldError } from '$lib/forms/form-errors';
import { createApi, type Api, type Me } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export interface FeedbackActionFailure {
  errors: FieldError[];
  values: FeedbackActionValues;
}

/** The activity, and the comment's response as the comments page shows it (404 when it does not). */
async function readSource(event: RequestEvent, known?: Me) {
  const { id, responseId } = event.params;
  if (!v.is(ActivityId, id) || !v.is(EntityId, responseId)) error(404, 'Page not found');
  const api = createApi(event);
  const me = known ?? (await api.me());
  if (!canEditActivities(me.role)) error(404, 'Page not found');
  const [activity, comments] = await Promise.all([engagementApi(api).activity(id), resultsApi(api).comments(id)]);
  const own = comments.items.filter((c) => c.responseId === responseId);
  if (own.length === 0) error(404, 'Page not found');
  return { api, me, activity: activity.value, comments: own };
}

/** Teams the action can be for: any for QA officers and senior managers, a manager's own. */
async function teamChoices(api: Api, me: Me): Promise<{ value: string; label: string }[]> {
  const teams = me.role === 'manager' ? me.teams : (await api.teams()).items.map((t) => ({ id: t.id, name: t.name }));
  return teams.map((t) => ({ value: t.id, label: t.name })).sort((a, b) => a.label.localeCompare(b.label));
}

const initial = (teamId: string): FeedbackActionValues => ({ teamId, finding: '', description: '', ownerId: '', dueDate: { ...EMPTY_DATE }, priority: 'medium' });

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  const { api, activity, comments } = await readSource(event, me);
  const source = { activity: { id: activity.id, title: activity.title, teamId: activity.teamId ?? null }, comments: comments.map((c) => ({ question: c.question, text: c.text })) };
  if (activity.teamId !== undefined) {
    return { ...source, step: 'details' as const, team: null, teams: [], owners: await teamStaff(api, activity.teamId), initial: initial(''), idempotencyKey: randomUUID() };
  }
  const teams = await teamChoices(api, me);
  const team = chosenTeam(event.url.searchParams.get('team'), teams);
  if (!team) {
    // "Change team" comes back here with the team chosen before already selected.
    const before = chosenTeam(event.url.searchParams.get('change'), teams);
    return { ...source, step: 'team' as const, team: null, teams, owners: [], initial: initial(before?.value ?? ''), idempotencyKey: '' };
  }
  return { ...source, step: 'details' as const, team, teams, owners: await teamStaff(api, team.value), initial: initial(team.value), idempotencyKey: randomUUID() };
};

export const actions: Actions = {
  /** Step one for an activity for the whole authority: which team, then the rest for that team. */
  team: async (event) => {
    const { api, me, activity } = await readSource(event);
    if (activity.teamId !== undefined) redirect(303, event.url.pathname);
    const teamId = formText(await event.request.formData(), 'teamId');
    const team = chosenTeam(teamId, await teamChoices(api, me));
    if (!team) return fail(400, { errors: [{ field: 'teamId', message: FEEDBACK_ACTION_MESSAGES.teamId! }], values: initial(teamId) } satisfies FeedbackActionFailure);
    redirect(303, `${event.url.pathname}?team=${encodeURIComponent(team.value)}`);
  },
  raise: async (event) => {
    const { api, activity } = await readSource(event);
    const form = await event.request.formData();
    const values = feedbackActionValuesFromForm(form);
    const parsed = feedbackActionBody({ activityId: activity.id, responseId: event.params.responseId }, values, activity.teamId === undefined);
    if (!parsed.ok) return fail(400, { errors: parsed.errors, values } satisfies FeedbackActionFailure);
    let raised;
    try {
      raised = await actionApi(api).raise(parsed.body, formText(form, 'idempotencyKey') || undefined);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 403) error(403, 'You do not have access to this page');
      if (e.status === 404) error(404, 'Page not found');
      const errors = feedbackActionErrorsFromProblem(e.problem.errors);
      return fail(e.status === 400 ? 400 : 409, { errors: errors.length > 0 ? errors : [{ field: 'form', message: e.problem.detail ?? e.problem.title }], values } satisfies FeedbackActionFailure);
    }
    redirect(303, `/actions/${encodeURIComponent(raised.id)}?raised`);
  },
};
