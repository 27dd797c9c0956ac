/** The privacy notice, in words for children when a children's form is open, with the way back to where they were. */
import { readSessionView, slugFrom } from '$lib/engagement/area.server';
import { registerFor } from '$lib/engagement/messages/translate';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const slug = slugFrom(event.params.slug);
  const { lang } = await event.parent();
  const found = await readSessionView(event, slug, lang);
  const view = found && 'view' in found && found.view.response.state === 'draft' ? found.view : null;
  return { register: view ? registerFor(view.activity.audience) : ('adult' as const), answering: view !== null };
};
