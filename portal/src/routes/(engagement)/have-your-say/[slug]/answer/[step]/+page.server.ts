/**
 * One page of questions. Posting saves its answers at once (PUT to the API), then moves on;
 * an answer that makes the response worrying shows the help page first.
 */
import { error, fail, redirect } from '@sveltejs/kit';
import { errorsFromApi, readPageAnswers, type PostedValues } from '$lib/engagement/answer-form';
import { redirectForRefusal, requestLanguage, requireDraftView, slugFrom } from '$lib/engagement/area.server';
import { formPages, nextStep, pageNumber } from '$lib/engagement/form-pages';
import { registerFor, translator } from '$lib/engagement/messages/translate';
import { publicApi } from '$lib/engagement/public-api.server';
import { areaPath, clearSessionCookie } from '$lib/engagement/session-cookie.server';
import type { FieldError } from '$lib/forms/form-errors';
import type { Actions, PageServerLoad } from './$types';

export interface AnswerFailure {
  errors: FieldError[];
  values: PostedValues;
}

export const load: PageServerLoad = async ({ params, parent, url }) => {
  const { pages, home } = await parent();
  const n = pageNumber(params.step, pages.length);
  if (n === null) error(404, 'Page not found');
  const back = url.searchParams.get('return') === 'check' ? `${home}/answer/check` : n === 1 ? `${home}/answer` : `${home}/answer/${n - 1}`;
  return { page: pages[n - 1]!, total: pages.length, back };
};

export const actions: Actions = {
  default: async (event) => {
    const slug = slugFrom(event.params.slug);
    const lang = requestLanguage(event);
    const { token, view } = await requireDraftView(event, slug, lang);
    const pages = formPages(view.form, view.presentation);
    const n = pageNumber(event.params.step, pages.length);
    if (n === null) error(404, 'Page not found');
    const page = pages[n - 1]!;
    const t = translator(lang, registerFor(view.activity.audience));
    const reading = readPageAnswers(await event.request.formData(), page, t);
    if (reading.errors.length > 0) return fail(400, { errors: reading.errors, values: reading.values } satisfies AnswerFailure);

    // A change made from the check page goes back there.
    const step = event.url.searchParams.get('return') === 'check' ? 'check' : nextStep(n, pages.length);
    const next = `${areaPath(slug)}/answer/${step}`;
    // A page left blank changes nothing, so there is nothing to save.
    if (Object.keys(reading.patch).length === 0 && !reading.honeypot) redirect(303, next);

    const saved = await publicApi.saveAnswers(slug, token, { answers: reading.patch, ...(reading.honeypot ? { website: reading.honeypot } : {}) });
    if (!saved.ok) {
      if (saved.status === 400) return fail(400, { errors: errorsFromApi(page, saved.errors, t), values: reading.values } satisfies AnswerFailure);
      if (saved.status === 401) clearSessionCookie(event.cookies, slug);
      // Sent already (another tab, or Back after sending): the thanks page, not an error.
      if (saved.status === 410 && saved.reason !== 'activity-not-open') redirect(303, `${areaPath(slug)}/thank-you`);
      redirectForRefusal(slug, saved, 'session-expired');
    }
    if (saved.value.showHelp && !view.showHelp) redirect(303, `${areaPath(slug)}/help?continue=${step}`);
    redirect(303, next);
  },
};
