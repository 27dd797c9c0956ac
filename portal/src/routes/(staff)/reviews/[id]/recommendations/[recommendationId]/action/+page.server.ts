/**
 * Raising an action from a thematic review's recommendation → POST /v1/actions with a review
 * source. Like one from feedback it is about the service: the team is chosen first (`?/team`,
 * then `?team=<id>`), so the owners offered are that team's staff. The review then tracks it.
 */
import { randomUUID } from 'node:crypto';
import { error, fail, redirect } from '@sveltejs/kit';
import { chosenTeam, FEEDBACK_ACTION_MESSAGES, feedbackActionBody, feedbackActionErrorsFromProblem, feedbackActionValuesFromForm, type FeedbackActionValues } from '$lib/actions/feedback-action-form';
import { teamStaff } from '$lib/actions/team-staff.server';
import { EMPTY_DATE } from '$lib/audits/date-parts';
import { formText } from '$lib/audits/form-values';
import type { FieldError } from '$lib/forms/form-errors';
import { reviewApi } from '$lib/reviews/review-api.server';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export interface ReviewActionFailure {
  errors: FieldError[];
  values: FeedbackActionValues;
}

async function readSource(event: RequestEvent) {
  const api = createApi(event);
  const [{ value: review }, teams] = await Promise.all([reviewApi(api).read(event.params.id), api.teams()]);
  const recommendation = review.recommendations.find((r) => r.id === event.params.recommendationId);
  if (!recommendation) error(404, 'Page not found');
  if (!review.moves.includes('raise-action')) error(403, 'You do not have access to this page');
  const choices = teams.items.filter((t) => t.status !== 'closed').map((t) => ({ value: t.id, label: t.name }));
  return { api, review, recommendation, teams: choices };
}

const initial = (teamId: string): FeedbackActionValues => ({ teamId, finding: '', description: '', ownerId: '', dueDate: { ...EMPTY_DATE }, priority: 'medium' });

export const load: PageServerLoad = async (event) => {
  const { api, review, recommendation, teams } = await readSource(event);
  const source = { review: { id: review.id, title: review.title }, recommendation: recommendation.text };
  const team = chosenTeam(event.url.searchParams.get('team'), teams);
  if (!team) {
    const before = chosenTeam(event.url.searchParams.get('change'), teams);
    return { ...source, step: 'team' as const, team: null, teams, owners: [], initial: initial(before?.value ?? ''), idempotencyKey: '' };
  }
  return { ...source, step: 'details' as const, team, teams, owners: await teamStaff(api, team.value), initial: initial(team.value), idempotencyKey: randomUUID() };
};

export const actions: Actions = {
  team: async (event) => {
    const { teams } = await readSource(event);
    const teamId = formText(await event.request.formData(), 'teamId');
    const team = chosenTeam(teamId, teams);
    if (!team) return fail(400, { errors: [{ field: 'teamId', message: FEEDBACK_ACTION_MESSAGES.teamId! }], values: initial(teamId) } satisfies ReviewActionFailure);
    redirect(303, `${event.url.pathname}?team=${encodeURIComponent(team.value)}`);
  },
  raise: async (event) => {
    const { api, review, recommendation } = await readSource(event);
    const form = await event.request.formData();
    const values = feedbackActionValuesFromForm(form);
    const parsed = feedbackActionBody({ type: 'review', reviewId: review.id, recommendationId: recommendation.id }, values, true);
    if (!parsed.ok) return fail(400, { errors: parsed.errors, values } satisfies ReviewActionFailure);
    try {
      await reviewApi(api).raiseAction(parsed.body, formText(form, 'idempotencyKey') || randomUUID());
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const errors = feedbackActionErrorsFromProblem(e.problem.errors);
      return fail(e.status === 400 ? 400 : 409, { errors: errors.length > 0 ? errors : [{ field: 'form', message: e.problem.detail ?? e.problem.title }], values } satisfies ReviewActionFailure);
    }
    redirect(303, `/reviews/${encodeURIComponent(review.id)}?action=1`);
  },
};
