/**
 * Raising an action from a theme of the learning view → POST /v1/actions with a shadowing
 * source. The team comes first (`?/team`, then `&team=<id>`), so the owners offered are that
 * team's staff: any team for QA officers and senior managers, a manager's own.
 */
import { error, fail, redirect } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import * as v from 'valibot';
import { SHADOWING_THEMES, SHADOWING_THEME_LABELS } from '@waypoint/shared/shadowing/shadowing-themes';
import { chosenTeam, FEEDBACK_ACTION_MESSAGES, feedbackActionErrorsFromProblem, feedbackActionValuesFromForm } from '$lib/actions/feedback-action-form';
import { teamStaff } from '$lib/actions/team-staff.server';
import { EMPTY_DATE } from '$lib/audits/date-parts';
import { formText } from '$lib/audits/form-values';
import type { FieldError } from '$lib/forms/form-errors';
import { createApi, type Api, type Me } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import { shadowingApi } from '$lib/shadowing/shadowing-api.server';
import { shadowingActionBody, type ShadowingActionValues } from '$lib/shadowing/shadowing-action-form';
import { canLearnFromShadowing } from '$lib/shadowing/shadowing-permissions';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export interface ShadowingActionFailure {
  errors: FieldError[];
  values: ShadowingActionValues;
}

const Theme = v.picklist(SHADOWING_THEMES);

function themeFrom(url: URL) {
  const theme = url.searchParams.get('theme');
  if (!v.is(Theme, theme)) error(404, 'Page not found');
  return theme;
}

async function readPage(event: Pick<RequestEvent, 'locals' | 'cookies' | 'url'>, known?: Me) {
  const api = createApi(event);
  const me = known ?? (await api.me());
  if (!canLearnFromShadowing(me.role)) error(403, 'You do not have access to this page');
  return { api, me, theme: themeFrom(event.url) };
}

async function teamChoices(api: Api, me: Me): Promise<{ value: string; label: string }[]> {
  const teams = me.role === 'manager' ? me.teams : (await api.teams()).items.map((t) => ({ id: t.id, name: t.name }));
  return teams.map((t) => ({ value: t.id, label: t.name })).sort((a, b) => a.label.localeCompare(b.label));
}

const initial = (teamId: string): ShadowingActionValues => ({ teamId, finding: '', description: '', ownerId: '', dueDate: { ...EMPTY_DATE }, priority: 'medium' });

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  const { api, theme } = await readPage(event, me);
  const teams = await teamChoices(api, me);
  const team = chosenTeam(event.url.searchParams.get('team'), teams);
  const common = { theme, themeLabel: SHADOWING_THEME_LABELS[theme], teams };
  if (!team) {
    const before = chosenTeam(event.url.searchParams.get('change'), teams);
    return { ...common, step: 'team' as const, team: null, owners: [], initial: initial(before?.value ?? ''), idempotencyKey: '' };
  }
  return { ...common, step: 'details' as const, team, owners: await teamStaff(api, team.value), initial: initial(team.value), idempotencyKey: randomUUID() };
};

export const actions: Actions = {
  team: async (event) => {
    const { api, me, theme } = await readPage(event);
    const teamId = formText(await event.request.formData(), 'teamId');
    const team = chosenTeam(teamId, await teamChoices(api, me));
    if (!team) return fail(400, { errors: [{ field: 'teamId', message: FEEDBACK_ACTION_MESSAGES.teamId! }], values: initial(teamId) } satisfies ShadowingActionFailure);
    redirect(303, `/shadowing/learning/action?theme=${theme}&team=${encodeURIComponent(team.value)}`);
  },
  raise: async (event) => {
    const { api, theme } = await readPage(event);
    const form = await event.request.formData();
    const values = feedbackActionValuesFromForm(form);
    const parsed = shadowingActionBody(theme, values);
    if (!parsed.ok) return fail(400, { errors: parsed.errors, values } satisfies ShadowingActionFailure);
    let raised;
    try {
      raised = await shadowingApi(api).raiseAction(parsed.body, formText(form, 'idempotencyKey') || undefined);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 403) error(403, 'You do not have access to this page');
      const errors = feedbackActionErrorsFromProblem(e.problem.errors);
      return fail(e.status === 400 ? 400 : 409, { errors: errors.length > 0 ? errors : [{ field: 'form', message: e.problem.detail ?? e.problem.title }], values } satisfies ShadowingActionFailure);
    }
    redirect(303, `/actions/${encodeURIComponent(raised.id)}?raised`);
  },
};
