/** Every public page speaks one language, chosen by `?lang=` or remembered, and says so in `<html lang>`. */
import { requestLanguage } from '$lib/engagement/area.server';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = (event) => {
  const lang = requestLanguage(event);
  // hooks.server.ts writes locals.lang into <html lang> when the page is rendered, after every load.
  event.locals.lang = lang;
  return { lang };
};
