/**
 * Thanks after sending. The session ends here (its cookie removed), so a shared phone
 * keeps nothing of the response; help is repeated if anything in it was worrying.
 */
import { redirect } from '@sveltejs/kit';
import { readSessionView, slugFrom } from '$lib/engagement/area.server';
import { registerFor } from '$lib/engagement/messages/translate';
import { areaPath, clearSessionCookie } from '$lib/engagement/session-cookie.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const slug = slugFrom(event.params.slug);
  const { lang } = await event.parent();
  const found = await readSessionView(event, slug, lang);
  if (found && 'view' in found) {
    // Still being written: the thanks would be premature.
    if (found.view.response.state !== 'submitted') redirect(303, `${areaPath(slug)}/answer`);
    clearSessionCookie(event.cookies, slug);
    return { register: registerFor(found.view.activity.audience), showHelp: found.view.showHelp, help: found.view.help };
  }
  return { register: 'adult' as const, showHelp: false, help: null };
};
