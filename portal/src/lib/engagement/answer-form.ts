/**
 * A page of answers as posted: each question's field named `<section>.<question>`, read
 * into the patch the API saves, with problems in the reader's own language.
 */
import type { Answers } from '@waypoint/shared/templates/answer-schemas';
import { HONEYPOT_FIELD } from '@waypoint/shared/engagement/response-schemas';
import { fieldId, type FieldError } from '../forms/form-errors.ts';
import type { FormPage } from './form-pages.ts';
import type { Translate } from './messages/translate.ts';

export type AnswersPatch = Record<string, Record<string, string | null>>;

/** What the page shows again after a problem: the posted value of each field, by field name. */
export type PostedValues = Record<string, string>;

export function fieldName(sectionId: string, questionId: string): string {
  return `${sectionId}.${questionId}`;
}

/** The input's id, which the error summary links to. */
export function answerFieldId(sectionId: string, questionId: string): string {
  return fieldId(fieldName(sectionId, questionId));
}

function text(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === 'string' ? value : undefined;
}

export interface PageReading {
  patch: AnswersPatch;
  values: PostedValues;
  errors: FieldError[];
  honeypot: string | undefined;
}

/**
 * A choice left unchosen is left out (any saved answer stays); an emptied text box
 * clears its answer. Nothing is ever required.
 */
export function readPageAnswers(form: FormData, page: FormPage, t: Translate): PageReading {
  const patch: AnswersPatch = {};
  const values: PostedValues = {};
  const errors: FieldError[] = [];
  for (const question of page.questions) {
    const name = fieldName(page.sectionId, question.id);
    const raw = text(form, name);
    if (raw === undefined) continue;
    values[name] = raw;
    if (question.type === 'choice') {
      if (raw === '') continue;
      if (!(question.options ?? []).some((o) => o.value === raw)) {
        errors.push({ field: answerFieldId(page.sectionId, question.id), message: t('question.errorChoose') });
        continue;
      }
      (patch[page.sectionId] ??= {})[question.id] = raw;
    } else {
      const trimmed = raw.trim();
      const max = question.maxLength ?? Number.POSITIVE_INFINITY;
      // Counted as the API counts (UTF-16 units), the same as the text box's maxlength.
      if (trimmed.length > max) {
        errors.push({ field: answerFieldId(page.sectionId, question.id), message: t('question.errorTooLong', { max: String(max) }) });
        continue;
      }
      (patch[page.sectionId] ??= {})[question.id] = trimmed === '' ? null : trimmed;
    }
  }
  return { patch, values, errors, honeypot: text(form, HONEYPOT_FIELD) };
}

/** The value a field shows: what was just posted, else what is saved. */
export function shownValue(posted: PostedValues | undefined, answers: Answers, sectionId: string, questionId: string): string {
  const name = fieldName(sectionId, questionId);
  if (posted && name in posted) return posted[name] ?? '';
  const saved = answers[sectionId]?.[questionId];
  return typeof saved === 'string' ? saved : '';
}

/** The API's field problems (`answers.<section>.<question>`) on this page's fields, in the reader's words. */
export function errorsFromApi(page: FormPage, problemErrors: readonly { path: string }[] | undefined, t: Translate): FieldError[] {
  const errors: FieldError[] = [];
  for (const question of page.questions) {
    const path = `answers.${fieldName(page.sectionId, question.id)}`;
    if ((problemErrors ?? []).some((e) => e.path === path || e.path.startsWith(`${path}.`))) {
      const message = question.type === 'choice' ? t('question.errorChoose') : t('question.errorTooLong', { max: String(question.maxLength ?? '') });
      errors.push({ field: answerFieldId(page.sectionId, question.id), message });
    }
  }
  return errors.length > 0 ? errors : [{ field: 'form', message: t('question.errorSave') }];
}
