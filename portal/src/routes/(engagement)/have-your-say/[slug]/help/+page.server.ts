/**
 * Where to get help: reached at once after a worrying answer (with the way back to the
 * questions), and from every page's footer. It needs nothing but the authority's page.
 */
import { continueStep } from '$lib/engagement/form-pages';
import { readSessionView, slugFrom } from '$lib/engagement/area.server';
import { registerFor } from '$lib/engagement/messages/translate';
import { safetyHelp } from '@waypoint/shared/engagement/public-views';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const slug = slugFrom(event.params.slug);
  const { lang, authority, home } = await event.parent();
  const found = await readSessionView(event, slug, lang);
  const view = found && 'view' in found ? found.view : null;
  const step = continueStep(event.url.searchParams.get('continue'));
  const drafting = view?.response.state === 'draft';
  return {
    register: view ? registerFor(view.activity.audience) : ('adult' as const),
    help: view?.help ?? safetyHelp(authority.dutyPhone),
    /** Only after an answer raised it: thank them and say the team knows. */
    raised: drafting && step !== null && view.showHelp,
    continueHref: drafting ? `${home}/answer/${step ?? ''}`.replace(/\/$/, '') : null,
  };
};
