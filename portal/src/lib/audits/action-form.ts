/** Raising an action from a finding: what must happen, who owns it, by when, and how urgent it is. */
import * as v from 'valibot';
import { CreateActionBody } from '@waypoint/shared/actions/action-schemas';
import { fieldErrorsFromIssues, fieldErrorsFromProblem, type FieldError } from '../forms/form-errors.ts';
import { datePartsFromForm, readDateParts, type DateParts } from './date-parts.ts';
import { blankErrors, firstErrorPerField, formText } from './form-values.ts';

export interface ActionFormValues {
  sectionId: string;
  description: string;
  finding: string;
  ownerId: string;
  dueDate: DateParts;
  priority: string;
}

export const ACTION_FORM_MESSAGES: Record<string, string> = {
  sectionId: 'Select the section the finding is in',
  description: 'Say what must happen',
  ownerId: 'Select who owns the action',
  dueDate: 'Enter the date the action is due',
  priority: 'Select the priority',
};

export function actionValuesFromForm(form: FormData): ActionFormValues {
  return {
    sectionId: formText(form, 'sectionId'),
    description: formText(form, 'description'),
    finding: formText(form, 'finding'),
    ownerId: formText(form, 'ownerId'),
    dueDate: datePartsFromForm(form, 'dueDate'),
    priority: formText(form, 'priority'),
  };
}

/** The body nests the section under `source`; the form has it as a field of its own. */
function formField(field: string): string {
  return field.replace(/^source-/, '');
}

/** The error summary follows the order of the form. */
const FIELD_ORDER = ['sectionId', 'finding', 'description', 'ownerId', 'dueDate', 'priority'];
const fieldOrder = (field: string) => (FIELD_ORDER.includes(field) ? FIELD_ORDER.indexOf(field) : FIELD_ORDER.length);

export function actionBodyFromForm(auditId: string, values: ActionFormValues): { ok: true; body: CreateActionBody } | { ok: false; errors: FieldError[] } {
  const due = readDateParts(values.dueDate, 'The due date');
  const blanks = blankErrors({ sectionId: values.sectionId, description: values.description, ownerId: values.ownerId, priority: values.priority }, ACTION_FORM_MESSAGES);
  const dueErrors: FieldError[] = due.kind === 'invalid' ? [{ field: 'dueDate', message: due.message }] : due.kind === 'empty' ? [{ field: 'dueDate', message: ACTION_FORM_MESSAGES.dueDate! }] : [];
  const candidate = {
    source: { type: 'audit', auditId, sectionId: values.sectionId },
    description: values.description,
    ...(values.finding.trim() ? { finding: values.finding } : {}),
    ownerId: values.ownerId,
    dueDate: due.kind === 'date' ? due.iso : '',
    priority: values.priority,
  };
  const result = v.safeParse(CreateActionBody, candidate);
  const schemaErrors = result.success ? [] : fieldErrorsFromIssues(result.issues, ACTION_FORM_MESSAGES).map((e) => ({ ...e, field: formField(e.field) }));
  const errors = firstErrorPerField(blanks, dueErrors, schemaErrors).sort((a, b) => fieldOrder(a.field) - fieldOrder(b.field));
  if (errors.length > 0 || !result.success) return { ok: false, errors };
  return { ok: true, body: result.output };
}

/** The API's 400 names body paths (`source.sectionId`, `dueDate`); the form's fields are flat. */
export function actionErrorsFromProblem(problemErrors: readonly { path: string; message: string }[] | undefined): FieldError[] {
  return fieldErrorsFromProblem(problemErrors, {}).map((e) => ({ ...e, field: formField(e.field) }));
}
