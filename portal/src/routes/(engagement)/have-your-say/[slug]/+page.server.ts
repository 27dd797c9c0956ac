/** An authority's front page: start with a code, or with an activity anyone may answer. */
import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { ActivityId } from '@waypoint/shared/engagement/activity-schemas';
import { normaliseInvitationCode } from '@waypoint/shared/engagement/invitation-codes';
import { HONEYPOT_FIELD } from '@waypoint/shared/engagement/response-schemas';
import { problemPath, requestLanguage, slugFrom } from '$lib/engagement/area.server';
import { translator } from '$lib/engagement/messages/translate';
import { startSessionAndGo } from '$lib/engagement/start-session.server';
import type { FieldError } from '$lib/forms/form-errors';
import type { Actions } from './$types';

export interface CodeFailure {
  errors: FieldError[];
  code: string;
}

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

export const actions: Actions = {
  code: async (event) => {
    const slug = slugFrom(event.params.slug);
    const lang = requestLanguage(event);
    const t = translator(lang);
    const form = await event.request.formData();
    const typed = text(form, 'code').slice(0, 64);
    if (typed.trim() === '') return fail(400, { errors: [{ field: 'code', message: t('home.codeErrorEmpty') }], code: typed } satisfies CodeFailure);
    const code = normaliseInvitationCode(typed);
    if (!code) return fail(400, { errors: [{ field: 'code', message: t('home.codeErrorFormat') }], code: typed } satisfies CodeFailure);
    return startSessionAndGo(event, { slug, lang, code, website: text(form, HONEYPOT_FIELD) });
  },
  open: async (event) => {
    const slug = slugFrom(event.params.slug);
    const form = await event.request.formData();
    const activityId = text(form, 'activityId');
    if (!v.is(ActivityId, activityId)) redirect(303, problemPath(slug, 'unknown-activity'));
    return startSessionAndGo(event, { slug, lang: requestLanguage(event), activityId, website: text(form, HONEYPOT_FIELD) });
  },
};
