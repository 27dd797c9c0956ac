/** Copying a template: the new template's id, name and description, checked with the API's own schema. */
import * as v from 'valibot';
import { CreateTemplateBody } from '@waypoint/shared/templates/template-copy-schemas';
import { fieldErrorsFromIssues, type FieldError } from '../forms/form-errors.ts';

export interface CopyFormValues {
  templateId: string;
  name: string;
  description: string;
}

export const COPY_FORM_MESSAGES: Record<string, string> = {
  templateId: 'Enter an id for the new template, like neglect-thematic-audit',
  name: 'Enter a name for the new template',
  description: 'Enter a description of the new template',
};

export function copyValuesFromForm(form: FormData): CopyFormValues {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : '';
  };
  return { templateId: text('templateId').trim(), name: text('name'), description: text('description') };
}

export function copyBodyFromForm(copyOf: string, values: CopyFormValues): { ok: true; body: CreateTemplateBody } | { ok: false; errors: FieldError[] } {
  const blanks = (['templateId', 'name', 'description'] as const).filter((f) => !values[f].trim()).map((f): FieldError => ({ field: f, message: COPY_FORM_MESSAGES[f]! }));
  const parsed = v.safeParse(CreateTemplateBody, { ...values, copyOf });
  const known = new Set<string>(blanks.map((e) => e.field));
  const errors = [...blanks, ...(parsed.success ? [] : fieldErrorsFromIssues(parsed.issues, COPY_FORM_MESSAGES).filter((e) => !known.has(e.field)))];
  if (errors.length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, body: parsed.output };
}
