/**
 * One section of the audit form: what the user typed, read back from a post, and the draft
 * PATCH body it becomes after the same answer schema the API uses has checked it.
 */
import * as v from 'valibot';
import { updateAuditBodyFor, type UpdateAuditBody } from '@waypoint/shared/audits/audit-schemas';
import type { Answers, AnswerValue } from '@waypoint/shared/templates/answer-schemas';
import type { Question, TemplateDefinition, TemplateSection } from '@waypoint/shared/templates/template-schemas';
import { fieldErrorsFromIssues, fieldId, type FieldError } from '../forms/form-errors.ts';
import { datePartsFromForm, datePartsFromIso, readDateParts, type DateParts } from './date-parts.ts';

/** Text and choices as strings, dates as their three boxes, a flag as ticked or not. */
export type QuestionInput = string | boolean | DateParts;
export type SectionFormValues = Record<string, QuestionInput>;

/** The posted name of a question's input: the same path an API problem names. */
export function answerName(sectionId: string, questionId: string): string {
  return `answers.${sectionId}.${questionId}`;
}

/** The input's id, which error summaries link to. */
export function answerId(sectionId: string, questionId: string): string {
  return fieldId(answerName(sectionId, questionId));
}

export function sectionValuesFromAnswers(section: TemplateSection, answers: Answers): SectionFormValues {
  const given = answers[section.id] ?? {};
  return Object.fromEntries(
    section.questions.map((q) => {
      const value = given[q.id];
      if (q.type === 'date') return [q.id, datePartsFromIso(typeof value === 'string' ? value : undefined)];
      if (q.type === 'flag') return [q.id, value === true];
      return [q.id, typeof value === 'string' ? value : ''];
    }),
  );
}

export function sectionValuesFromForm(section: TemplateSection, form: FormData): SectionFormValues {
  return Object.fromEntries(
    section.questions.map((q) => {
      const name = answerName(section.id, q.id);
      if (q.type === 'date') return [q.id, datePartsFromForm(form, name)];
      if (q.type === 'flag') return [q.id, form.get(name) === 'yes'];
      const value = form.get(name);
      return [q.id, typeof value === 'string' ? value : ''];
    }),
  );
}

/** "Date of the last review" reads well as the subject of "must be a real date". */
function dateDescription(question: Question): string {
  return question.label.replace(/\?$/, '');
}

/**
 * A draft save of this section. Unanswered questions are sent empty, which clears them,
 * so the saved section is exactly what the page showed; an unticked flag is no answer.
 */
export function sectionPatchFromForm(template: Pick<TemplateDefinition, 'sections'>, section: TemplateSection, values: SectionFormValues): { ok: true; body: UpdateAuditBody } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const candidate: Record<string, AnswerValue | null | ''> = {};
  for (const q of section.questions) {
    const input = values[q.id];
    if (q.type === 'flag') {
      candidate[q.id] = input === true ? true : null;
    } else if (q.type === 'date') {
      const reading = readDateParts(typeof input === 'object' ? input : { day: '', month: '', year: '' }, dateDescription(q));
      if (reading.kind === 'invalid') errors.push({ field: answerId(section.id, q.id), message: reading.message });
      candidate[q.id] = reading.kind === 'date' ? reading.iso : '';
    } else {
      candidate[q.id] = typeof input === 'string' ? input : '';
    }
  }
  const result = v.safeParse(updateAuditBodyFor(template), { answers: { [section.id]: candidate } });
  if (!result.success) errors.push(...fieldErrorsFromIssues(result.issues, {}));
  if (errors.length > 0 || !result.success) return { ok: false, errors: orderLikeSection(section, errors) };
  return { ok: true, body: result.output };
}

/** The error summary lists problems in the order the questions appear. */
function orderLikeSection(section: TemplateSection, errors: FieldError[]): FieldError[] {
  const order = section.questions.map((q) => answerId(section.id, q.id));
  const rank = (e: FieldError) => {
    const i = order.indexOf(e.field);
    return i === -1 ? order.length : i;
  };
  return [...errors].sort((a, b) => rank(a) - rank(b));
}
