/** Every public page speaks one language, chosen by `?lang=` or remembered, and says so in `<html lang>` and `dir`. */
import { htmlLang, isRightToLeft } from '@waypoint/shared/engagement/languages';
import { requestLanguage } from '$lib/engagement/area.server';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = (event) => {
  const lang = requestLanguage(event);
  // hooks.server.ts writes locals.lang and dir into <html> when the page is rendered, after every load.
  event.locals.lang = htmlLang(lang);
  event.locals.dir = isRightToLeft(lang) ? 'rtl' : 'ltr';
  return { lang };
};
