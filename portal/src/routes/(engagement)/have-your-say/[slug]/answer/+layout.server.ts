/** Inside a response: the form in the page's language, the answers so far, its pages, and whether help is showing. */
import { requireDraftView, slugFrom } from '$lib/engagement/area.server';
import { formPages } from '$lib/engagement/form-pages';
import { registerFor } from '$lib/engagement/messages/translate';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
  const slug = slugFrom(event.params.slug);
  const { lang } = await event.parent();
  const { view } = await requireDraftView(event, slug, lang);
  return {
    form: view.form,
    presentation: view.presentation,
    activity: view.activity,
    answers: view.response.answers,
    showHelp: view.showHelp,
    help: view.help,
    pages: formPages(view.form, view.presentation),
    register: registerFor(view.activity.audience),
  };
};
