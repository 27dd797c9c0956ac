/** The translation page's form: the language asked for, each text's input id, and the texts posted. */
import { TRANSLATION_LANGUAGES, type TranslationLanguage } from '@waypoint/shared/templates/template-translations';
import type { TranslatableText } from '@waypoint/shared/templates/template-translation-edit';

/** `?lang=pl`: the language, `null` when none was asked for, `undefined` when it is not one a template translates into. */
export function translationLanguageFrom(url: URL): TranslationLanguage | null | undefined {
  const asked = url.searchParams.get('lang');
  if (asked === null || asked === '') return null;
  return (TRANSLATION_LANGUAGES as readonly string[]).includes(asked) ? (asked as TranslationLanguage) : undefined;
}

/**
 * A text's key (`sections.about.title`) as an input id. Ids and option values never hold
 * `_`, so swapping the dots for it cannot make two keys one id, as hyphens could.
 */
export function translationFieldId(key: string): string {
  return `tr_${key.replace(/\./g, '_')}`;
}

/** What was typed for each of `texts`, by key; a key missing from the post is left out. */
export function postedTranslations(form: FormData, texts: readonly Pick<TranslatableText, 'key'>[]): Record<string, string> {
  return Object.fromEntries(
    texts.flatMap(({ key }) => {
      const value = form.get(key);
      return typeof value === 'string' ? [[key, value]] : [];
    }),
  );
}
