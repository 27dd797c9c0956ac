/**
 * Answers checked against a pinned template version. The API and the portal build the
 * same schema from the same version, so a form is valid in the browser exactly when the
 * API will accept it. Answers are kept as `{ [sectionId]: { [questionId]: value } }`.
 */
import * as v from 'valibot';
import { Text } from '../text/text-schemas.ts';
import { GRADES, type Grade } from './grade-scale.ts';
import { EVIDENCED_VALUES, questionsOf, type Evidenced, type Question, type TemplateDefinition } from './template-schemas.ts';

export type AnswerValue = Evidenced | Grade | string | boolean;
export type SectionAnswers = Record<string, AnswerValue>;
export type Answers = Record<string, SectionAnswers>;

/** A change to answers: a value sets it, `null` (or an empty string from a form) clears it. */
export type AnswersPatch = Record<string, Record<string, AnswerValue | null | undefined> | undefined>;

export const TEXT_ANSWER_MAX = 10_000;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A form sends an empty string for an untouched field; it means "no answer". */
const blankToNull = <T>(value: T | '') => (value === '' ? null : value);

function choiceSchema<const T extends string>(values: readonly T[], message: string) {
  const allowed: (T | '')[] = [...values, ''];
  return v.pipe(
    v.picklist(allowed, message),
    v.transform((value: T | '') => blankToNull(value)),
  );
}

/** The schema for one question's answer, by its type. */
export function answerSchemaFor(question: Question) {
  switch (question.type) {
    case 'evidenced':
      return choiceSchema(EVIDENCED_VALUES, 'Choose yes, no or not applicable');
    case 'grade':
      return choiceSchema(GRADES, 'Choose one of the four grades on the scale');
    case 'choice':
      return choiceSchema(
        (question.options ?? []).map((o) => o.value),
        'Choose one of the options given',
      );
    case 'text':
      return v.pipe(Text({ max: TEXT_ANSWER_MAX, lines: 'many', notText: 'Enter text' }), v.transform(blankToNull));
    case 'date':
      return v.pipe(
        v.string('Enter a date as YYYY-MM-DD'),
        v.trim(),
        v.check((s) => s === '' || isIsoDate(s), 'Enter a real date as YYYY-MM-DD'),
        v.transform(blankToNull),
      );
    case 'flag':
      return v.boolean('Answer yes (true) or no (false)');
  }
}

/**
 * A draft change to a template's answers: only known sections and questions (anything
 * else is an unknown field), each value of the question's type, `null` to clear.
 */
export function answersPatchSchema(template: Pick<TemplateDefinition, 'sections'>) {
  const sections = Object.fromEntries(
    template.sections.map((section) => {
      const questions = Object.fromEntries(section.questions.map((q) => [q.id, v.optional(v.nullable(answerSchemaFor(q)))]));
      return [section.id, v.optional(v.strictObject(questions))];
    }),
  );
  return v.strictObject(sections);
}

/** Applies a patch: set values replace, `null` removes; sections left empty disappear. */
export function mergeAnswers(current: Answers, patch: AnswersPatch): Answers {
  const merged: Answers = structuredClone(current);
  for (const [sectionId, changes] of Object.entries(patch)) {
    const section = { ...(merged[sectionId] ?? {}) };
    for (const [questionId, value] of Object.entries(changes ?? {})) {
      if (value === null || value === undefined) delete section[questionId];
      else section[questionId] = value;
    }
    if (Object.keys(section).length) merged[sectionId] = section;
    else delete merged[sectionId];
  }
  return merged;
}

export interface MissingAnswer {
  /** `answers.<section>.<question>`, the same path a validation problem uses. */
  path: string;
  message: string;
}

/** Required questions without an answer, in template order: what stops an audit completing. */
export function missingAnswers(template: Pick<TemplateDefinition, 'sections'>, answers: Answers): MissingAnswer[] {
  return questionsOf(template)
    .filter(({ section, question }) => question.required && answers[section.id]?.[question.id] === undefined)
    .map(({ section, question }) => ({ path: `answers.${section.id}.${question.id}`, message: `Answer “${question.label}” before completing` }));
}
