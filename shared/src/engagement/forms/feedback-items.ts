/**
 * Builders for feedback-form items in English and Welsh, so every built-in form offers
 * the same points, always lets people say "I don't know" or "I'd rather not say", and
 * marks its "I feel safe" item the same way.
 */
import type { ChoiceOption, Question, TemplateSection } from '../../templates/template-schemas.ts';

/** The same words in English and Welsh. */
export interface Words {
  en: string;
  cy: string;
}

const words = (en: string, cy: string): Words => ({ en, cy });

/**
 * Welsh answers "yes" and "no" with the verb of the question, so each item says which
 * words its points use; the stored values (`yes`, `partly`, `no`) stay the same.
 */
export const POINT_WORDS = {
  /** "I feel…", "I know…": Ydw / Nac ydw. */
  iAm: [words('Yes', 'Ydw'), words('Sometimes', 'Weithiau'), words('No', 'Nac ydw')],
  iAmPartly: [words('Yes', 'Ydw'), words('A bit', 'Ychydig'), words('No', 'Nac ydw')],
  /** "My worker listens…": Ydy / Nac ydy. */
  theyAre: [words('Yes', 'Ydy'), words('Sometimes', 'Weithiau'), words('No', 'Nac ydy')],
  theyArePartly: [words('Yes', 'Ydy'), words('Partly', 'Rhywfaint'), words('No', 'Nac ydy')],
  /** "My worker did…": Do / Naddo. */
  theyDid: [words('Yes', 'Do'), words('Sometimes', 'Weithiau'), words('No', 'Naddo')],
  /** "I can…": Galla / Na alla. */
  iCan: [words('Yes', 'Galla'), words('Sometimes', 'Weithiau'), words('No', 'Na alla')],
  /** "I was part of…": Oeddwn / Nac oeddwn. */
  iWas: [words('Yes', 'Oeddwn'), words('Partly', 'Rhywfaint'), words('No', 'Nac oeddwn')],
} as const satisfies Record<string, readonly [Words, Words, Words]>;

const POINT_VALUES = ['yes', 'partly', 'no'] as const;

function option(value: string, text: Words): ChoiceOption {
  return { value, label: text.en, translations: { cy: { label: text.cy } } };
}

/** The two ways not to answer; adults are addressed a little more formally in Welsh. */
function notAnsweredOptions(register: 'child' | 'adult'): ChoiceOption[] {
  return [option('dont-know', words('I don’t know', register === 'child' ? 'Dwi ddim yn gwybod' : 'Dydw i ddim yn gwybod')), option('rather-not-say', words('I’d rather not say', 'Byddai’n well gen i beidio â dweud'))];
}

function withHint(question: Question, hint: Words | undefined): Question {
  if (!hint) return question;
  return { ...question, hint: hint.en, translations: { cy: { label: question.translations!.cy!.label, hint: hint.cy } } };
}

/** A three-point item with "I don't know" and "I'd rather not say"; never required. */
export function scaleItem(options: { id: string; label: Words; hint?: Words; points: readonly [Words, Words, Words]; register: 'child' | 'adult'; feelsSafe?: boolean }): Question {
  const question: Question = {
    id: options.id,
    label: options.label.en,
    type: 'choice',
    required: false,
    options: [...POINT_VALUES.map((value, index) => option(value, options.points[index]!)), ...notAnsweredOptions(options.register)],
    ...(options.feelsSafe ? { meaning: 'feels-safe' as const } : {}),
    translations: { cy: { label: options.label.cy } },
  };
  return withHint(question, options.hint);
}

/** A free-text item; never required, and the public area limits its length. */
export function freeTextItem(options: { id: string; label: Words; hint?: Words }): Question {
  return withHint({ id: options.id, label: options.label.en, type: 'text', required: false, translations: { cy: { label: options.label.cy } } }, options.hint);
}

export function formSection(id: string, title: Words, questions: Question[]): TemplateSection {
  return { id, title: title.en, guidance: [], questions, translations: { cy: { title: title.cy } } };
}

export { words };
