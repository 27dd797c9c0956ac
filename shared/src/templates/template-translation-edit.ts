/**
 * Staff editing one language's text on a published template: every text that language can
 * translate, keyed by stable ids, and the body of the next version with only that
 * language's translations changed. Structure and English stay exactly as they were.
 */
import * as v from 'valibot';
import { PublishTemplateVersionBody, type ChoiceOption, type Question, type TemplateSection, type TemplateVersion } from './template-schemas.ts';
import type { TranslationLanguage } from './template-translations.ts';

/** How staff name each language (the public area names them in their own words). */
export const TRANSLATION_LANGUAGE_NAMES: Record<TranslationLanguage, string> = { cy: 'Welsh', pl: 'Polish', ur: 'Urdu', easy: 'Easy read' };

export type TranslatableKind = 'name' | 'description' | 'section-title' | 'question-label' | 'question-hint' | 'option-label';

/** The longest text of each kind, as the translation schemas allow. */
export const TRANSLATION_MAX_LENGTH: Record<TranslatableKind, number> = { name: 120, description: 1000, 'section-title': 200, 'question-label': 300, 'question-hint': 1000, 'option-label': 200 };

/** One piece of English text and its translation, where it sits counted from 1. */
export interface TranslatableText {
  /** `name`, `description`, `sections.<id>.title`, `sections.<id>.questions.<id>.label|hint`, `sections.<id>.questions.<id>.options.<value>.label`. */
  key: string;
  kind: TranslatableKind;
  english: string;
  /** The text in the language now; absent when screens fall back to English. */
  translation?: string;
  section?: number;
  question?: number;
  option?: number;
}

export interface TranslationFieldError {
  /** The text's key; empty for a problem with the whole template. */
  path: string;
  message: string;
}

const sectionKey = (s: TemplateSection) => `sections.${s.id}`;
const questionKey = (s: TemplateSection, q: Question) => `${sectionKey(s)}.questions.${q.id}`;
const optionKey = (s: TemplateSection, q: Question, o: ChoiceOption) => `${questionKey(s, q)}.options.${o.value}.label`;

/** Every text of `version` in reading order: the name and description, then each section's title, questions, hints and options. */
export function translatableTexts(version: TemplateVersion, language: TranslationLanguage): TranslatableText[] {
  const texts: TranslatableText[] = [
    { key: 'name', kind: 'name', english: version.name, translation: version.translations?.[language]?.name },
    { key: 'description', kind: 'description', english: version.description, translation: version.translations?.[language]?.description },
  ];
  version.sections.forEach((s, i) => {
    const section = i + 1;
    texts.push({ key: `${sectionKey(s)}.title`, kind: 'section-title', english: s.title, translation: s.translations?.[language]?.title, section });
    s.questions.forEach((q, j) => {
      const question = j + 1;
      const own = q.translations?.[language];
      texts.push({ key: `${questionKey(s, q)}.label`, kind: 'question-label', english: q.label, translation: own?.label, section, question });
      if (q.hint) texts.push({ key: `${questionKey(s, q)}.hint`, kind: 'question-hint', english: q.hint, translation: own?.hint, section, question });
      (q.options ?? []).forEach((o, k) => texts.push({ key: optionKey(s, q, o), kind: 'option-label', english: o.label, translation: o.translations?.[language]?.label, section, question, option: k + 1 }));
    });
  });
  return texts.map(({ translation, ...text }) => (translation === undefined ? text : { ...text, translation }));
}

/** What a text is, in the words of a label: "Question 2 in section 1". */
export function describeText(text: Pick<TranslatableText, 'kind' | 'section' | 'question' | 'option'>): string {
  const inSection = `question ${text.question} in section ${text.section}`;
  switch (text.kind) {
    case 'name':
      return 'Name';
    case 'description':
      return 'Description';
    case 'section-title':
      return `Title of section ${text.section}`;
    case 'question-label':
      return `Wording of ${inSection}`;
    case 'question-hint':
      return `Hint for ${inSection}`;
    case 'option-label':
      return `Option ${text.option} of ${inSection}`;
  }
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

type Translated<F extends string> = { translations?: { [L in TranslationLanguage]?: Partial<Record<F, string>> } };

/** `node` with `block` as its `language` translation (none when absent), other languages untouched. */
function withTranslation<N extends Translated<string>>(node: N, language: TranslationLanguage, block: Record<string, string> | undefined): N {
  const { [language]: _replaced, ...others } = node.translations ?? {};
  const translations = block ? { ...others, [language]: block } : others;
  const { translations: _old, ...rest } = node;
  return (Object.keys(translations).length > 0 ? { ...rest, translations } : rest) as N;
}

/**
 * The body publishing the next version of `version` with `texts` as its `language` text.
 * A blank text removes that translation, so screens fall back to English; a key not posted
 * keeps the translation it had. A question's hint needs its wording, and the name and
 * description go together, as the schema requires.
 *
 * @example
 * const result = publishBodyWithTranslations({ version, language: 'pl', texts: { name: 'Wyraź swoje zdanie' } });
 * if (result.ok) await publish(version.templateId, version.version, result.body);
 */
export function publishBodyWithTranslations({
  version,
  language,
  texts,
}: {
  version: TemplateVersion;
  language: TranslationLanguage;
  texts: Readonly<Record<string, string | undefined>>;
}): { ok: true; body: PublishTemplateVersionBody } | { ok: false; errors: TranslationFieldError[] } {
  const errors: TranslationFieldError[] = [];
  const named = TRANSLATION_LANGUAGE_NAMES[language];
  const byKey = new Map(translatableTexts(version, language).map((t) => [t.key, t]));
  /** The text for `key`: what was posted, trimmed (blank is none), or else what it had. */
  const textFor = (key: string, had: string | undefined): string | undefined => {
    const known = byKey.get(key);
    const posted = texts[key];
    if (!known || posted === undefined) return had;
    const text = posted.replace(/\r\n?/g, '\n').trim();
    const max = TRANSLATION_MAX_LENGTH[known.kind];
    if (text.length > max) errors.push({ path: key, message: `${describeText(known)} in ${named} must be ${max} characters or fewer` });
    return text || undefined;
  };

  const had = version.translations?.[language];
  const name = textFor('name', had?.name);
  const description = textFor('description', had?.description);
  if ((name === undefined) !== (description === undefined)) {
    errors.push(name === undefined ? { path: 'name', message: `Enter the name in ${named} as well as the description, or clear both` } : { path: 'description', message: `Enter the description in ${named} as well as the name, or clear both` });
  }
  const sections = version.sections.map((s) => {
    const title = textFor(`${sectionKey(s)}.title`, s.translations?.[language]?.title);
    const questions = s.questions.map((q) => {
      const at = questionKey(s, q);
      const own = q.translations?.[language];
      const [label, hint] = [textFor(`${at}.label`, own?.label), textFor(`${at}.hint`, own?.hint)];
      if (label === undefined && hint !== undefined) errors.push({ path: `${at}.label`, message: `Enter the ${lowerFirst(describeText(byKey.get(`${at}.label`)!))} in ${named} as well as its hint, or clear the hint` });
      const block = label === undefined ? undefined : { label, ...(hint === undefined ? {} : { hint }) };
      const options = q.options?.map((o) => {
        const optionLabel = textFor(optionKey(s, q, o), o.translations?.[language]?.label);
        return withTranslation(o, language, optionLabel === undefined ? undefined : { label: optionLabel });
      });
      return withTranslation({ ...q, ...(options ? { options } : {}) }, language, block);
    });
    return withTranslation({ ...s, questions }, language, title === undefined ? undefined : { title });
  });
  const top = withTranslation({ translations: version.translations }, language, name !== undefined && description !== undefined ? { name, description } : undefined);
  if (errors.length > 0) return { ok: false, errors };

  const candidate = { name: version.name, description: version.description, ...top, sections };
  const parsed = v.safeParse(PublishTemplateVersionBody, candidate);
  if (!parsed.success) return { ok: false, errors: parsed.issues.map((i) => ({ path: '', message: `${i.message} (at ${(i.path ?? []).map((p) => String(p.key)).join('.')})` })) };
  return { ok: true, body: parsed.output };
}
