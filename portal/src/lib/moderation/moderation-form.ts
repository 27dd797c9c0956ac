/**
 * The moderation form: for each section the auditor graded, the moderator's grade (or
 * none, to leave it) and a comment; the overall grade; and what the moderation found.
 * Checked with the API's own schema, errors placed on the field they belong to.
 */
import * as v from 'valibot';
import { ModerateAuditBody, type Moderation } from '@waypoint/shared/moderation/moderation-schemas';
import { fieldErrorsFromIssues, fieldId, type FieldError } from '../forms/form-errors.ts';

export interface ModerationFormValues {
  sections: Record<string, { grade: string; comment: string }>;
  overallGrade: string;
  comment: string;
}

export const MODERATION_FORM_MESSAGES: Record<string, string> = {
  comment: 'Say what the moderation found',
  overallGrade: 'Choose one of the four grades for the overall judgement',
};

/** The id of a section's grade radios: errors about the section link to it. */
export const sectionGradeId = (sectionId: string) => fieldId(`sections.${sectionId}.grade`);
export const sectionCommentId = (sectionId: string) => fieldId(`sections.${sectionId}.comment`);

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

export function moderationValuesFromForm(form: FormData, sectionIds: readonly string[]): ModerationFormValues {
  return {
    sections: Object.fromEntries(sectionIds.map((id) => [id, { grade: text(form, `sections.${id}.grade`), comment: text(form, `sections.${id}.comment`) }])),
    overallGrade: text(form, 'overallGrade'),
    comment: text(form, 'comment'),
  };
}

/** A revision starts from the moderation as it stands. */
export function moderationValuesFrom(moderation: Moderation | null | undefined, sectionIds: readonly string[]): ModerationFormValues {
  return {
    sections: Object.fromEntries(sectionIds.map((id) => [id, { grade: moderation?.sections[id]?.grade ?? '', comment: moderation?.sections[id]?.comment ?? '' }])),
    overallGrade: moderation?.overallGrade ?? '',
    comment: moderation?.comment ?? '',
  };
}

/** API and schema paths to the form's field ids: a problem with a whole section belongs on its grade. */
export function moderationFieldFor(path: string): string {
  const section = path.match(/^sections\.([^.]+)$/);
  if (section) return sectionGradeId(section[1]!);
  return fieldId(path || 'form');
}

export function moderationBodyFromForm(values: ModerationFormValues): { ok: true; body: ModerateAuditBody } | { ok: false; errors: FieldError[] } {
  const sections = Object.fromEntries(
    Object.entries(values.sections)
      .filter(([, s]) => s.grade !== '')
      .map(([id, s]) => [id, { grade: s.grade, ...(s.comment.trim() ? { comment: s.comment } : {}) }]),
  );
  // A comment on a section left at the auditor's grade would be lost: ask for the grade it goes with.
  const orphanComments: FieldError[] = Object.entries(values.sections)
    .filter(([, s]) => s.grade === '' && s.comment.trim() !== '')
    .map(([id]) => ({ field: sectionGradeId(id), message: 'Choose a grade for this section to go with your comment' }));
  const parsed = v.safeParse(ModerateAuditBody, { sections, ...(values.overallGrade ? { overallGrade: values.overallGrade } : {}), comment: values.comment });
  const schemaErrors = parsed.success
    ? []
    : fieldErrorsFromIssues(parsed.issues, MODERATION_FORM_MESSAGES).map((e) =>
        // "Re-grade at least one..." concerns the whole body: it is shown against the first grade asked for.
        e.field === 'form' ? { ...e, field: Object.keys(values.sections).length ? sectionGradeId(Object.keys(values.sections)[0]!) : 'overallGrade' } : e,
      );
  const errors = [...orphanComments, ...schemaErrors];
  if (errors.length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, body: parsed.output };
}
