/**
 * A draft of a template's next version as the editor's form holds it: plain strings and
 * ticks, named by position (`sections.2.questions.0.label`), so the whole draft travels in
 * the form itself and every step works with JavaScript off. Ids ride along in hidden
 * fields, so what came from the published version keeps its id, meaning and translations.
 */
import { QUESTION_TYPES, type QuestionType, type TemplateVersion } from '@waypoint/shared/templates/template-schemas';

export interface DraftQuestion {
  id: string;
  label: string;
  hint: string;
  type: string;
  required: boolean;
  /** One option label a line; only choice questions use them. */
  options: string;
}

export interface DraftSection {
  id: string;
  title: string;
  /** One prompt a line. */
  guidance: string;
  questions: DraftQuestion[];
}

export interface TemplateDraft {
  /** The published version the draft started from: its translations and meanings are carried over. */
  baseVersion: number;
  name: string;
  description: string;
  sections: DraftSection[];
}

export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  evidenced: 'Evidenced: yes, no or not applicable',
  grade: 'Grade on the four-point scale',
  text: 'Text',
  date: 'Date',
  choice: 'Choice of options',
  flag: 'Yes or no, as a tick box',
};

export function isQuestionType(value: string): value is QuestionType {
  return (QUESTION_TYPES as readonly string[]).includes(value);
}

/** The form field name of a section's (or a question's) part. */
export const sectionField = (i: number, part: string) => `sections.${i}.${part}`;
export const questionField = (i: number, j: number, part: string) => `sections.${i}.questions.${j}.${part}`;

/** Where the page lands after a change, so the keyboard and the eye pick up where the work is. */
export const sectionAnchor = (i: number) => `section-${i}`;
export const questionAnchor = (i: number, j: number) => `section-${i}-question-${j}`;

export function draftFromVersion(version: Pick<TemplateVersion, 'version' | 'name' | 'description' | 'sections'>): TemplateDraft {
  return {
    baseVersion: version.version,
    name: version.name,
    description: version.description,
    sections: version.sections.map((s) => ({
      id: s.id,
      title: s.title,
      guidance: s.guidance.join('\n'),
      questions: s.questions.map((q) => ({ id: q.id, label: q.label, hint: q.hint ?? '', type: q.type, required: q.required, options: (q.options ?? []).map((o) => o.label).join('\n') })),
    })),
  };
}

/** Enough for the schema's own limits (30 sections of 40 questions) and no more, whatever a post claims. */
const MAX_SECTIONS = 30;
const MAX_QUESTIONS = 40;

function count(form: FormData, name: string, max: number): number {
  const raw = form.get(name);
  const n = typeof raw === 'string' && /^\d{1,3}$/.test(raw) ? Number(raw) : 0;
  return Math.min(n, max);
}

export function draftFromForm(form: FormData): TemplateDraft {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value.replace(/\r\n/g, '\n') : '';
  };
  const base = Number(text('baseVersion'));
  const sections: DraftSection[] = [];
  for (let i = 0; i < count(form, 'sectionCount', MAX_SECTIONS + 1); i++) {
    const questions: DraftQuestion[] = [];
    for (let j = 0; j < count(form, sectionField(i, 'questionCount'), MAX_QUESTIONS + 1); j++) {
      questions.push({
        id: text(questionField(i, j, 'id')),
        label: text(questionField(i, j, 'label')),
        hint: text(questionField(i, j, 'hint')),
        type: text(questionField(i, j, 'type')),
        required: form.get(questionField(i, j, 'required')) === 'yes',
        options: text(questionField(i, j, 'options')),
      });
    }
    sections.push({ id: text(sectionField(i, 'id')), title: text(sectionField(i, 'title')), guidance: text(sectionField(i, 'guidance')), questions });
  }
  return { baseVersion: Number.isInteger(base) && base > 0 ? base : 1, name: text('name'), description: text('description'), sections };
}

/** Every field of the draft as name and value, for the hidden fields that carry it through the preview. */
export function draftFields(draft: TemplateDraft): { name: string; value: string }[] {
  const fields = [
    { name: 'baseVersion', value: String(draft.baseVersion) },
    { name: 'name', value: draft.name },
    { name: 'description', value: draft.description },
    { name: 'sectionCount', value: String(draft.sections.length) },
  ];
  draft.sections.forEach((s, i) => {
    fields.push({ name: sectionField(i, 'id'), value: s.id }, { name: sectionField(i, 'title'), value: s.title }, { name: sectionField(i, 'guidance'), value: s.guidance }, { name: sectionField(i, 'questionCount'), value: String(s.questions.length) });
    s.questions.forEach((q, j) => {
      fields.push(
        { name: questionField(i, j, 'id'), value: q.id },
        { name: questionField(i, j, 'label'), value: q.label },
        { name: questionField(i, j, 'hint'), value: q.hint },
        { name: questionField(i, j, 'type'), value: q.type },
        { name: questionField(i, j, 'options'), value: q.options },
      );
      if (q.required) fields.push({ name: questionField(i, j, 'required'), value: 'yes' });
    });
  });
  return fields;
}
