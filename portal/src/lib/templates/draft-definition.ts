/**
 * From the editor's draft to the body that publishes a version: lines become guidance
 * prompts and options, what the base version said about each kept id (its meaning, its
 * translations, its option values) is carried over, and the API's own schema checks the
 * result, with each problem placed on the field it belongs to.
 */
import * as v from 'valibot';
import { PublishTemplateVersionBody, type ChoiceOption, type Question, type TemplateSection, type TemplateVersion } from '@waypoint/shared/templates/template-schemas';
import { fieldId, type FieldError } from '../forms/form-errors.ts';
import { isQuestionType, questionField, sectionField, type DraftQuestion, type TemplateDraft } from './template-draft.ts';

type Base = Pick<TemplateVersion, 'sections' | 'translations'> | null;

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** A label to an option value: lower case, hyphens, starting with a letter, unique in the question. */
export function optionValueFor(label: string, taken: ReadonlySet<string>): string {
  let slug = label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
  if (!/^[a-z]/.test(slug)) slug = `option-${slug}`.replace(/-+$/, '');
  let value = slug;
  for (let n = 2; taken.has(value); n++) value = `${slug}-${n}`;
  return value;
}

/** Options keep the value (and translation) they had when their label is unchanged, so earlier answers still read. */
function optionsOf(draft: DraftQuestion, base: Question | undefined): ChoiceOption[] {
  const taken = new Set<string>();
  return lines(draft.options).map((label) => {
    const known = base?.options?.find((o) => o.label === label && !taken.has(o.value));
    const value = known?.value ?? optionValueFor(label, new Set([...taken, ...(base?.options ?? []).map((o) => o.value)]));
    taken.add(value);
    return { value, label, ...(known?.translations ? { translations: known.translations } : {}) };
  });
}

function questionOf(draft: DraftQuestion, base: Question | undefined): Record<string, unknown> {
  const hint = draft.hint.trim();
  return {
    id: draft.id,
    label: draft.label,
    ...(hint ? { hint } : {}),
    type: draft.type,
    required: draft.required,
    ...(draft.type === 'choice' ? { options: optionsOf(draft, base) } : {}),
    ...(base?.meaning ? { meaning: base.meaning } : {}),
    ...(base?.translations ? { translations: base.translations } : {}),
  };
}

/** Problems the schema would word for developers, asked first in the editor's own words. */
function draftProblems(draft: TemplateDraft): FieldError[] {
  const errors: FieldError[] = [];
  draft.sections.forEach((s, i) => {
    if (!s.title.trim()) errors.push({ field: fieldId(sectionField(i, 'title')), message: `Enter the title of section ${i + 1}` });
    else if (s.questions.length === 0) errors.push({ field: fieldId(sectionField(i, 'title')), message: `Section ${i + 1} needs at least one question: add one, or remove the section` });
    s.questions.forEach((q, j) => {
      const at = (part: string) => fieldId(questionField(i, j, part));
      if (!q.label.trim()) errors.push({ field: at('label'), message: `Enter the wording of question ${j + 1} in section ${i + 1}` });
      if (!isQuestionType(q.type)) errors.push({ field: at('type'), message: `Choose the type of question ${j + 1} in section ${i + 1}` });
      if (q.type === 'choice' && lines(q.options).length < 2) errors.push({ field: at('options'), message: `Question ${j + 1} in section ${i + 1} is a choice: list at least two options, one on each line` });
      if (q.type === 'flag' && q.required) errors.push({ field: at('required'), message: `Question ${j + 1} in section ${i + 1} is a tick box, which cannot be required: unticked means no` });
    });
  });
  return errors;
}

/**
 * A schema path to the editor field that fixes it: `sections.2.questions.0.options.1.label`
 * belongs on the options box, `sections.1.guidance.3` on the guidance, a whole question on its type.
 */
export function draftFieldFor(path: string): string {
  const question = path.match(/^sections\.(\d+)\.questions\.(\d+)(?:\.([a-z]+))?/);
  if (question) {
    const part = question[3];
    const field = part === 'label' || part === 'hint' || part === 'type' || part === 'required' || part === 'options' ? part : 'type';
    return fieldId(questionField(Number(question[1]), Number(question[2]), field));
  }
  const section = path.match(/^sections\.(\d+)(?:\.([a-z]+))?/);
  if (section) return fieldId(sectionField(Number(section[1]), section[2] === 'guidance' ? 'guidance' : 'title'));
  if (path === 'name' || path === 'description') return path;
  return 'form';
}

/** The question (or section, or field) a field belongs to. */
function ownerOf(field: string): string {
  return field.match(/^sections-\d+-questions-\d+/)?.[0] ?? field;
}

const MESSAGES: Record<string, string> = { name: 'Enter the template’s name', description: 'Enter a description of the template' };

/** The first problem per field, in the schema's words when they are written for people. */
function schemaProblems(issues: readonly v.BaseIssue<unknown>[]): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const path = (issue.path ?? []).map((p) => String(p.key)).join('.');
    const field = draftFieldFor(path);
    if (seen.has(field)) continue;
    seen.add(field);
    const where = path.match(/^sections\.(\d+)(?:\.questions\.(\d+))?/);
    const place = where ? (where[2] !== undefined ? ` (question ${Number(where[2]) + 1} in section ${Number(where[1]) + 1})` : ` (section ${Number(where[1]) + 1})`) : '';
    const own = issue.message && !issue.message.startsWith('Invalid ') ? issue.message : 'Check this answer';
    errors.push({ field, message: MESSAGES[path] ?? `${own}${place}` });
  }
  return errors;
}

export function publishBodyFromDraft(draft: TemplateDraft, base: Base): { ok: true; body: PublishTemplateVersionBody } | { ok: false; errors: FieldError[] } {
  const problems = draftProblems(draft);
  const baseSection = (id: string): TemplateSection | undefined => base?.sections.find((s) => s.id === id);
  const candidate = {
    name: draft.name,
    description: draft.description,
    ...(base?.translations ? { translations: base.translations } : {}),
    sections: draft.sections.map((s) => {
      const known = baseSection(s.id);
      return {
        id: s.id,
        title: s.title,
        guidance: lines(s.guidance),
        questions: s.questions.map((q) =>
          questionOf(
            q,
            known?.questions.find((b) => b.id === q.id),
          ),
        ),
        ...(known?.translations ? { translations: known.translations } : {}),
      };
    }),
  };
  const parsed = v.safeParse(PublishTemplateVersionBody, candidate);
  // The schema's wording of a problem already put in the editor's own words is left out.
  const known = new Set(problems.map((e) => ownerOf(e.field)));
  const errors = [...problems, ...(parsed.success ? [] : schemaProblems(parsed.issues).filter((e) => !known.has(ownerOf(e.field))))];
  if (errors.length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, body: parsed.output };
}
