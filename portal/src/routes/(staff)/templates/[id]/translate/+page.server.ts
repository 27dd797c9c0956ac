/**
 * A template's text in one language, beside the English, published as the next version:
 * only that language's text changes. The form says which version it started from, so
 * saving over a version someone published meanwhile is refused and what was typed is kept.
 */
import { error, fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { TemplateId, type TemplateVersion } from '@waypoint/shared/templates/template-schemas';
import { publishBodyWithTranslations, translatableTexts, type TranslatableText } from '@waypoint/shared/templates/template-translation-edit';
import type { TranslationLanguage } from '@waypoint/shared/templates/template-translations';
import type { FieldError } from '$lib/forms/form-errors';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import { templateApi } from '$lib/templates/template-api.server';
import { postedTranslations, translationFieldId, translationLanguageFrom } from '$lib/templates/translation-form';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** A save that did not publish: the problems, what was typed, and the version (and its texts) the form now starts from. */
export interface TranslationFailure {
  errors: FieldError[];
  values: Record<string, string>;
  basedOn: number;
  texts: TranslatableText[];
}

function placeOf(event: RequestEvent): { id: string; language: TranslationLanguage | null } {
  const id = event.params.id;
  const language = translationLanguageFrom(event.url);
  if (!v.is(TemplateId, id) || language === undefined) error(404, 'Page not found');
  return { id, language };
}

export const load: PageServerLoad = async (event) => {
  const { id, language } = placeOf(event);
  const latest = await templateApi(createApi(event)).latest(id);
  const published = Number(event.url.searchParams.get('published'));
  return {
    latest,
    language,
    texts: language ? translatableTexts(latest, language) : [],
    published: Number.isInteger(published) && published > 0 ? published : null,
  };
};

export const actions: Actions = {
  default: async (event) => {
    const { id, language } = placeOf(event);
    if (!language) error(404, 'Page not found');
    const form = await event.request.formData();
    const basedOn = Number(form.get('basedOn'));
    if (!Number.isInteger(basedOn) || basedOn < 1) error(400, 'The form did not say which version it started from');
    const templates = templateApi(createApi(event));
    const base = await templates.version(id, basedOn);
    const texts = translatableTexts(base, language);
    const values = postedTranslations(form, texts);
    const failure = (status: number, errors: FieldError[], version: TemplateVersion = base) => fail(status, { errors, values, basedOn: version.version, texts: version === base ? texts : translatableTexts(version, language) } satisfies TranslationFailure);

    const checked = publishBodyWithTranslations({ version: base, language, texts: values });
    if (!checked.ok)
      return failure(
        400,
        checked.errors.map((e) => ({ field: e.path ? translationFieldId(e.path) : 'form', message: e.message })),
      );
    let published: TemplateVersion;
    try {
      published = await templates.publish(id, basedOn, checked.body);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 403) error(403, 'You do not have access to this page');
      if (e.status === 409 || e.status === 412) {
        // Shown beside the newer version's English: saving again publishes after it, having seen it.
        const latest = await templates.latest(id);
        const message = `Version ${latest.version} was published while you were working on this. What you typed is kept below, beside the English of version ${latest.version}: check it, then save again to publish it after that version.`;
        return failure(409, [{ field: 'form', message }], latest);
      }
      return failure(400, [{ field: 'form', message: e.problem.errors?.[0]?.message ?? e.problem.detail ?? e.problem.title }]);
    }
    redirect(303, `/templates/${encodeURIComponent(id)}/translate?lang=${language}&published=${published.version}`);
  },
};
