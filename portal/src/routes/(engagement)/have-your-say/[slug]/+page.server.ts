/** An authority's front page: start with a code, or with an activity anyone may answer. */
import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { ActivityId } from '@waypoint/shared/engagement/activity-schemas';
import { readTypedCode } from '@waypoint/shared/engagement/invitation-codes';
import { HONEYPOT_FIELD } from '@waypoint/shared/engagement/response-schemas';
import { problemPath, redirectForRefusal, requestLanguage, slugFrom, visitorAddress } from '$lib/engagement/area.server';
import { translator } from '$lib/engagement/messages/translate';
import { startSessionAndGo, tryStartSession } from '$lib/engagement/start-session.server';
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
    // Every problem with the code is said beside the box, keeping what was typed.
    const problem = (key: 'home.codeErrorEmpty' | 'home.codeErrorFormat' | 'home.codeErrorUnknown') => fail(400, { errors: [{ field: 'code', message: t(key) }], code: typed } satisfies CodeFailure);
    const read = readTypedCode(typed);
    if (read.kind === 'empty') return problem('home.codeErrorEmpty');
    if (read.kind === 'not-a-code') return problem('home.codeErrorFormat');
    if (read.code === null) return problem('home.codeErrorUnknown');
    const refusal = await tryStartSession(event, { slug, lang, code: read.code, website: text(form, HONEYPOT_FIELD), clientAddress: visitorAddress(event) });
    if (refusal.reason === 'unknown-code') return problem('home.codeErrorUnknown');
    redirectForRefusal(slug, refusal, 'unknown-code');
  },
  open: async (event) => {
    const slug = slugFrom(event.params.slug);
    const form = await event.request.formData();
    const activityId = text(form, 'activityId');
    if (!v.is(ActivityId, activityId)) redirect(303, problemPath(slug, 'unknown-activity'));
    return startSessionAndGo(event, { slug, lang: requestLanguage(event), activityId, website: text(form, HONEYPOT_FIELD), clientAddress: visitorAddress(event) });
  },
};
