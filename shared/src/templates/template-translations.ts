/**
 * Text in other languages beside a template's English text. A form's labels stay in
 * English (the language staff write in); each question, option, section and the form
 * itself may carry the same text in another language, and screens fall back to English.
 */
import * as v from 'valibot';

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

const Text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1, 'Enter some text'), v.maxLength(max, `Use at most ${max} characters`));

/** `{ cy: { ...entries }, pl: … }`: one optional block per translation language. */
function translations<const E extends v.ObjectEntries>(entries: E) {
  const block = v.strictObject(entries);
  return v.strictObject(Object.fromEntries(TRANSLATION_LANGUAGES.map((language) => [language, v.optional(block)])) as Record<TranslationLanguage, v.OptionalSchema<typeof block, undefined>>);
}

export const QuestionTranslations = translations({ label: Text(300), hint: v.optional(Text(1000)) });
export type QuestionTranslations = v.InferOutput<typeof QuestionTranslations>;

export const OptionTranslations = translations({ label: Text(200) });
export type OptionTranslations = v.InferOutput<typeof OptionTranslations>;

export const SectionTranslations = translations({ title: Text(200) });
export type SectionTranslations = v.InferOutput<typeof SectionTranslations>;

export const TemplateTranslations = translations({ name: Text(120), description: Text(1000) });
export type TemplateTranslations = v.InferOutput<typeof TemplateTranslations>;

/** Anything with English text in `F` fields and translations of them. */
type Translatable<F extends string> = Partial<Record<F, string>> & { translations?: { [L in TranslationLanguage]?: Partial<Record<F, string>> } };

/** A node's text in `language`, or its English base text when that language has none. */
export function textIn<F extends string, N extends Translatable<F>>(node: N, field: F, language: ContentLanguage): N[F] {
  if (language === 'en') return node[field];
  const translated = node.translations?.[language]?.[field];
  return (translated ?? node[field]) as N[F];
}
