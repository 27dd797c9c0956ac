/**
 * Which language a public page speaks: `?lang=en|cy|pl|ur|easy` chooses and is remembered
 * in a cookie; without either, a browser that asks for Welsh, Polish or Urdu first gets it.
 */
import { DEFAULT_LANGUAGE, htmlLang, isEngagementLanguage, isRightToLeft, type EngagementLanguage } from '@waypoint/shared/engagement/languages';

export const LANGUAGE_COOKIE = 'hys_lang';
export const LANGUAGE_COOKIE_PATH = '/have-your-say';
/** A year: a family that chose Welsh should not have to choose again next visit. */
export const LANGUAGE_COOKIE_SECONDS = 60 * 60 * 24 * 365;

/** Each language's own name for itself, shown on the link that switches to it. */
export const LANGUAGE_NAMES: Record<EngagementLanguage, string> = { en: 'English', cy: 'Cymraeg', pl: 'Polski', ur: 'اردو', easy: 'Easy read' };

export interface LanguageChoice {
  language: EngagementLanguage;
  /** The query asked for it: store it in the cookie. */
  remember: boolean;
}

function preferredByBrowser(acceptLanguage: string | null): EngagementLanguage | undefined {
  const first = acceptLanguage?.split(',')[0]?.split(';')[0]?.trim().toLowerCase().split('-')[0];
  return first === 'cy' || first === 'pl' || first === 'ur' ? first : undefined;
}

export function chooseLanguage(input: { query: string | null; cookie: string | undefined; acceptLanguage: string | null }): LanguageChoice {
  if (isEngagementLanguage(input.query)) return { language: input.query, remember: true };
  if (isEngagementLanguage(input.cookie)) return { language: input.cookie, remember: false };
  return { language: preferredByBrowser(input.acceptLanguage) ?? DEFAULT_LANGUAGE, remember: false };
}

/** The other language a page offers (two for now; a list when more arrive). */
export function otherLanguages(current: EngagementLanguage, offered: readonly EngagementLanguage[]): EngagementLanguage[] {
  return offered.filter((l) => l !== current);
}

/**
 * This page's address in another language. Form-action keys (`?/start`) are dropped, so
 * switching after a failed post shows the page afresh rather than posting again.
 */
export function languageHref(url: URL, language: EngagementLanguage): string {
  const params = new URLSearchParams();
  for (const [key, value] of url.searchParams) {
    if (key !== 'lang' && !key.startsWith('/')) params.append(key, value);
  }
  params.set('lang', language);
  return `${url.pathname}?${params.toString()}`;
}

/**
 * `lang` and `dir` for a piece of text written in another language than the page's (an
 * activity's English title on an Urdu page); nothing when the page already says it.
 */
export function textLanguageAttributes(text: EngagementLanguage, page: EngagementLanguage): { lang?: string; dir?: 'ltr' | 'rtl' } {
  return {
    ...(htmlLang(text) === htmlLang(page) ? {} : { lang: htmlLang(text) }),
    ...(isRightToLeft(text) === isRightToLeft(page) ? {} : { dir: isRightToLeft(text) ? 'rtl' : 'ltr' }),
  };
}
