/** Free-text comments of one activity, each tagged with the authority's themes; QA officers and senior managers keep the theme list here too. */
import { error, fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { ActivityId } from '@waypoint/shared/engagement/activity-schemas';
import { EntityId } from '@waypoint/shared/cases/case-schemas';
import { canEditActivities } from '$lib/engagement/engagement-permissions';
import { resultsApi } from '$lib/engagement/results/results-api.server';
import { engagementApi } from '$lib/engagement/staff-api.server';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  if (!v.is(ActivityId, event.params.id) || !canEditActivities(me.role)) error(404, 'Page not found');
  const api = createApi(event);
  const [activity, comments, themes] = await Promise.all([engagementApi(api).activity(event.params.id), resultsApi(api).comments(event.params.id), resultsApi(api).themes()]);
  return {
    activity: activity.value,
    comments: comments.items,
    themes: themes.value.themes,
    themesVersion: themes.version,
    canEditThemes: me.role === 'qa' || me.role === 'senior',
    notice: event.url.searchParams.has('tagged') ? 'Themes saved.' : event.url.searchParams.has('themes') ? 'Theme list saved.' : null,
  };
};

export const actions: Actions = {
  tag: async (event) => {
    const form = await event.request.formData();
    const responseId = String(form.get('responseId') ?? '');
    if (!v.is(ActivityId, event.params.id) || !v.is(EntityId, responseId)) error(404, 'Page not found');
    try {
      await resultsApi(createApi(event)).tag(event.params.id, responseId, form.getAll('themes').map(String));
    } catch (e) {
      if (e instanceof ApiError) return fail(400, { message: e.problem.detail ?? 'The themes could not be saved' });
      throw e;
    }
    redirect(303, `/engagement/${encodeURIComponent(event.params.id)}/results/comments?tagged#r-${encodeURIComponent(responseId)}`);
  },
  themes: async (event) => {
    const form = await event.request.formData();
    const themes = String(form.get('themes') ?? '')
      .split('\n')
      .map((t) => t.trim())
      .filter(Boolean);
    try {
      await resultsApi(createApi(event)).saveThemes(String(form.get('version') ?? '0'), themes);
    } catch (e) {
      if (e instanceof ApiError) return fail(400, { message: e.problem.errors?.[0]?.message ?? e.problem.detail ?? 'The list could not be saved' });
      throw e;
    }
    redirect(303, `/engagement/${encodeURIComponent(event.params.id ?? '')}/results/comments?themes`);
  },
};
