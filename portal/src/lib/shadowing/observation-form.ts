/**
 * The observation form: the pinned template's questions and the themes, read from a post or
 * from what was saved, and the body the API takes. Blank answers are sent as null (not saved),
 * so a required one left blank is named, as the API would, before anything is sent.
 */
import * as v from 'valibot';
import { SHADOWING_THEMES, type ShadowingTheme } from '@waypoint/shared/shadowing/shadowing-themes';
import { answersPatchSchema, missingAnswers, type Answers } from '@waypoint/shared/templates/answer-schemas';
import type { TemplateDefinition } from '@waypoint/shared/templates/template-schemas';
import { answerId, answerName } from '../audits/section-form.ts';
import { fieldErrorsFromIssues, fieldId, type FieldError } from '../forms/form-errors.ts';

export interface ObservationValues {
  /** Each question's text or choice by section, as typed. */
  answers: Record<string, Record<string, string>>;
  tags: string[];
}

export interface ObservationBody {
  answers: Record<string, Record<string, string | null>>;
  tags: ShadowingTheme[];
}

type Template = Pick<TemplateDefinition, 'sections'>;

export function observationValuesFromSaved(template: Template, saved: { answers: Answers; tags: readonly string[] } | undefined): ObservationValues {
  const answers = Object.fromEntries(template.sections.map((s) => [s.id, Object.fromEntries(s.questions.map((q) => [q.id, String(saved?.answers[s.id]?.[q.id] ?? '')]))]));
  return { answers, tags: [...(saved?.tags ?? [])] };
}

export function observationValuesFromForm(template: Template, form: FormData): ObservationValues {
  const answers = Object.fromEntries(
    template.sections.map((s) => [
      s.id,
      Object.fromEntries(
        s.questions.map((q) => {
          const value = form.get(answerName(s.id, q.id));
          return [q.id, typeof value === 'string' ? value : ''];
        }),
      ),
    ]),
  );
  return { answers, tags: form.getAll('tags').filter((t): t is string => typeof t === 'string') };
}

/** The error summary follows the questions' order, then the themes. */
function order(template: Template): string[] {
  return [...template.sections.flatMap((s) => s.questions.map((q) => answerId(s.id, q.id))), 'tags'];
}

export function observationBody(template: Template, values: ObservationValues): { ok: true; body: ObservationBody } | { ok: false; errors: FieldError[] } {
  const answers = Object.fromEntries(template.sections.map((s) => [s.id, Object.fromEntries(s.questions.map((q) => [q.id, values.answers[s.id]?.[q.id]?.trim() ? values.answers[s.id]![q.id]! : null]))]));
  const errors: FieldError[] = [];
  const checked = v.safeParse(v.strictObject({ answers: answersPatchSchema(template) }), { answers });
  if (!checked.success) errors.push(...fieldErrorsFromIssues(checked.issues, {}));
  const given: Answers = Object.fromEntries(Object.entries(answers).map(([s, qs]) => [s, Object.fromEntries(Object.entries(qs).filter((entry): entry is [string, string] => entry[1] !== null))]));
  for (const m of missingAnswers(template, given)) {
    const field = fieldId(m.path);
    if (!errors.some((e) => e.field === field)) errors.push({ field, message: m.message.replace(/^Answer “(.*)” before completing$/, 'Answer “$1”') });
  }
  const tags = values.tags.filter((t): t is ShadowingTheme => (SHADOWING_THEMES as readonly string[]).includes(t));
  if (tags.length !== values.tags.length) errors.push({ field: 'tags', message: 'Choose themes from the list' });
  const rank = order(template);
  errors.sort((a, b) => rank.indexOf(a.field) - rank.indexOf(b.field));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, body: { answers, tags: [...new Set(tags)] } };
}
