/** "You said, we did": the entries on the authority's public page; QA officers and senior managers publish and withdraw them here. */
import { error, fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { ENTRY_TRANSLATION_LANGUAGES, EntryId, PublishEntryBody } from '@waypoint/shared/engagement/you-said-we-did';
import { canReadEngagement } from '$lib/engagement/engagement-permissions';
import { resultsApi } from '$lib/engagement/results/results-api.server';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  if (!canReadEngagement(me.role)) error(403, 'You do not have access to this page');
  const { items } = await resultsApi(createApi(event)).entries();
  return {
    entries: items,
    canPublish: me.role === 'qa' || me.role === 'senior',
    publicPage: me.tenant?.slug ? `/have-your-say/${me.tenant.slug}/you-said-we-did` : null,
    notice: event.url.searchParams.has('published') ? 'Published on the public page.' : event.url.searchParams.has('withdrawn') ? 'Withdrawn from the public page.' : null,
  };
};

type Values = Record<string, string>;

/** The form's fields as the API's body: a language is sent only when both its boxes are filled. */
function bodyFrom(values: Values): unknown {
  const translations = Object.fromEntries(ENTRY_TRANSLATION_LANGUAGES.filter((l) => values[`${l}-heard`] || values[`${l}-did`]).map((l) => [l, { heard: values[`${l}-heard`] ?? '', did: values[`${l}-did`] ?? '' }]));
  return { heard: values.heard ?? '', did: values.did ?? '', doneOn: values.doneOn ?? '', ...(Object.keys(translations).length ? { translations } : {}) };
}

export const actions: Actions = {
  publish: async (event) => {
    const values = Object.fromEntries([...(await event.request.formData())].map(([k, val]) => [k, String(val)])) as Values;
    const parsed = v.safeParse(PublishEntryBody, bodyFrom(values));
    if (!parsed.success) {
      return fail(400, { values, errors: parsed.issues.map((i) => ({ field: (i.path ?? []).map((p) => String(p.key)).join('-'), message: i.message })) });
    }
    try {
      await resultsApi(createApi(event)).publish(parsed.output);
    } catch (e) {
      if (e instanceof ApiError) return fail(400, { values, errors: (e.problem.errors ?? [{ path: '', message: e.problem.detail ?? 'Not published' }]).map((x) => ({ field: x.path.replaceAll('.', '-'), message: x.message })) });
      throw e;
    }
    redirect(303, '/you-said-we-did?published');
  },
  withdraw: async (event) => {
    const id = String((await event.request.formData()).get('id') ?? '');
    if (!v.is(EntryId, id)) error(404, 'Page not found');
    await resultsApi(createApi(event)).withdraw(id);
    redirect(303, '/you-said-we-did?withdrawn');
  },
};
