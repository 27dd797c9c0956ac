/**
 * Raising an action from one comment on an activity's comments page → POST /v1/actions with a
 * feedback source. The comment is quoted for reference only; staff write the finding. The
 * action is about the service: its team is the activity's, or chosen here for an activity for
 * the whole authority.
 */
import { error, fail, redirect } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import * as v from 'valibot';
import { EntityId } from '@waypoint/shared/cases/case-schemas';
import { ActivityId } from '@waypoint/shared/engagement/activity-schemas';
import { actionApi } from '$lib/actions/action-api.server';
import { feedbackActionBody, feedbackActionErrorsFromProblem, feedbackActionValuesFromForm, type FeedbackActionValues } from '$lib/actions/feedback-action-form';
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

/** Owners: the team's staff, or for an authority-wide activity everyone in the teams offered, named with their team. */
async function ownerChoices(api: Api, teamId: string | undefined, teams: readonly { value: string; label: string }[]) {
  if (teamId !== undefined) return teamStaff(api, teamId);
  const perTeam = await Promise.all(teams.map(async (t) => (await teamStaff(api, t.value)).map((o) => ({ value: o.value, label: `${o.label} (${t.label})` }))));
  const seen = new Set<string>();
  return perTeam.flat().filter((o) => !seen.has(o.label) && seen.add(o.label)).sort((a, b) => a.label.localeCompare(b.label));
}

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  const { api, activity, comments } = await readSource(event, me);
  const teams = activity.teamId === undefined ? await teamChoices(api, me) : [];
  return {
    activity: { id: activity.id, title: activity.title, teamId: activity.teamId ?? null },
    comments: comments.map((c) => ({ question: c.question, text: c.text })),
    teams,
    owners: await ownerChoices(api, activity.teamId, teams),
    initial: { teamId: '', finding: '', description: '', ownerId: '', dueDate: { ...EMPTY_DATE }, priority: 'medium' } satisfies FeedbackActionValues,
    idempotencyKey: randomUUID(),
  };
};

export const actions: Actions = {
  default: async (event) => {
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
