/**
 * Text in other languages beside a template's English text. A form's labels stay in
 * English (the language staff write in); each question, option, section and the form
 * itself may carry the same text in another language, and screens fall back to English.
 */
import * as v from 'valibot';
import { Text } from '../text/text-schemas.ts';

/**
 * Languages a template's text can be translated into; English is the base text. `easy` is
 * easy-read English (simpler words, short sentences), shown with `lang="en"`.
 */
export const TRANSLATION_LANGUAGES = ['cy', 'pl', 'ur', 'easy'] as const;
export type TranslationLanguage = (typeof TRANSLATION_LANGUAGES)[number];

/** Every language a template can be shown in, English first. */
export const CONTENT_LANGUAGES = ['en', ...TRANSLATION_LANGUAGES] as const;
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];

export function isContentLanguage(value: unknown): value is ContentLanguage {
  return typeof value === 'string' && (CONTENT_LANGUAGES as readonly string[]).includes(value);
}

/** A template's own words: names, titles and labels on one line; hints and descriptions may run on. */
export const TemplateText = (max: number, lines: 'one' | 'many' = 'one') => Text({ max, required: 'Enter some text', lines });

/** `{ cy: { ...entries }, pl: … }`: one optional block per translation language. */
function translations<const E extends v.ObjectEntries>(entries: E) {
  const block = v.strictObject(entries);
  return v.strictObject(Object.fromEntries(TRANSLATION_LANGUAGES.map((language) => [language, v.optional(block)])) as Record<TranslationLanguage, v.OptionalSchema<typeof block, undefined>>);
}

export const QuestionTranslations = translations({ label: TemplateText(300), hint: v.optional(TemplateText(1000, 'many')) });
export type QuestionTranslations = v.InferOutput<typeof QuestionTranslations>;

export const OptionTranslations = translations({ label: TemplateText(200) });
export type OptionTranslations = v.InferOutput<typeof OptionTranslations>;

export const SectionTranslations = translations({ title: TemplateText(200) });
export type SectionTranslations = v.InferOutput<typeof SectionTranslations>;

export const TemplateTranslations = translations({ name: TemplateText(120), description: TemplateText(1000, 'many') });
export type TemplateTranslations = v.InferOutput<typeof TemplateTranslations>;

/** Anything with English text in `F` fields and translations of them. */
type Translatable<F extends string> = Partial<Record<F, string>> & { translations?: { [L in TranslationLanguage]?: Partial<Record<F, string>> } };

/** A node's text in `language`, or its English base text when that language has none. */
export function textIn<F extends string, N extends Translatable<F>>(node: N, field: F, language: ContentLanguage): N[F] {
  if (language === 'en') return node[field];
  const translated = node.translations?.[language]?.[field];
  return (translated ?? node[field]) as N[F];
}
